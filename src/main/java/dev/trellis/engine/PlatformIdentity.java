package dev.trellis.engine;

import java.util.Objects;

/**
 * Who wrote, as the platform knows them: the platform ({@code slack}, {@code teams}, {@code web}), the workspace or
 * tenant the user belongs to (Slack team id, Teams tenant id, {@code web} for the web chat), and the platform's user
 * id within it (for the web chat an id derived from the session, never the session cookie itself). Its {@link #key()}
 * is the key of an identity link to a Trellis person (see {@link PersonDirectory}).
 */
public record PlatformIdentity(String platform, String workspace, String userId) {

    public PlatformIdentity {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(userId, "userId");
    }

    /** {@code platform:workspace:userId}: unique per identity, stable for as long as the platform keeps the ids. */
    public String key() {
        return platform + ":" + workspace + ":" + userId;
    }
}
