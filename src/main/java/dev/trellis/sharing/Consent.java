package dev.trellis.sharing;

import java.time.Instant;

/**
 * A person's consent to show one item to one audience: given at a moment, in a {@code share} step, and withdrawn
 * (with {@code /coach privacy}) at another. Only an active consent (not withdrawn) lets anyone see the item.
 */
public record Consent(String id, String personId, SharedItem item, Audience audience, Instant givenAt,
                      Instant withdrawnAt) {

    public boolean active() {
        return withdrawnAt == null;
    }
}
