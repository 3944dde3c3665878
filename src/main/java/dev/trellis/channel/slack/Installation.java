package dev.trellis.channel.slack;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.auth.AuthTestResponse;

import dev.trellis.engine.Redacted;

/**
 * The Slack workspace (and app) Trellis is installed in. The workspace is {@code slack.team-id} when set, otherwise
 * learned from {@code auth.test} with the bot token at start-up (retried in the background while Slack cannot be
 * reached). The app is checked only when {@code slack.app-id} is set: Slack's {@code auth.test} does not name it.
 */
final class Installation {

    private static final Logger log = LoggerFactory.getLogger(Installation.class);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final String appId;
    private volatile String teamId;

    Installation(String teamId, String appId) {
        this.teamId = blankToNull(teamId);
        this.appId = blankToNull(appId);
    }

    /** The installed workspace, or empty while it has not been learned yet. */
    Optional<String> teamId() {
        return Optional.ofNullable(teamId);
    }

    /** Whether a request from workspace {@code team} for app {@code app} (either may be unknown) is for us. */
    boolean isOurs(String team, String app) {
        String installed = teamId;
        return installed != null && installed.equals(team) && (appId == null || app == null || appId.equals(app));
    }

    /** Learns the workspace from {@code auth.test} unless it was configured; keeps trying in the background. */
    void learn(MethodsClient client, ScheduledExecutorService background) {
        if (teamId == null) {
            background.execute(() -> attempt(client, background));
        }
    }

    private void attempt(MethodsClient client, ScheduledExecutorService background) {
        try {
            AuthTestResponse response = client.authTest(r -> r);
            if (response.isOk() && response.getTeamId() != null) {
                teamId = response.getTeamId();
                log.info("Slack workspace {} learned from auth.test", teamId);
                return;
            }
            log.warn("auth.test failed ({}); Slack events are refused until the workspace is known",
                    response.getError());
        } catch (Exception e) {
            log.warn("auth.test failed; Slack events are refused until the workspace is known", Redacted.of(e));
        }
        background.schedule(() -> attempt(client, background), RETRY.toSeconds(), TimeUnit.SECONDS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
