package dev.trellis.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code trellis.privacy.*}.
 *
 * @param retention      transcript entries and inbox entries (also failed ones) older than this are purged
 * @param sweepInterval  how often the retention sweep runs (and erasures that did not finish are taken up again)
 * @param tombstoneLife  how long an erased identity's tombstone stops late platform retries; longer than any
 *                       platform retries (Slack: about an hour) and than the inbox keeps processed events
 * @param pseudonymKey   the HMAC key for pseudonymous ids in tombstones and the audit; when unset, a random key is
 *                       generated once and kept in the database ({@code privacySettings})
 * @param exportLife     how long a prepared export can be downloaded
 */
@ConfigurationProperties("trellis.privacy")
public record PrivacyProperties(Duration retention, Duration sweepInterval, Duration tombstoneLife,
                                String pseudonymKey, Duration exportLife) {

    public PrivacyProperties {
        retention = retention == null ? Duration.ofDays(180) : retention;
        sweepInterval = sweepInterval == null ? Duration.ofHours(1) : sweepInterval;
        tombstoneLife = tombstoneLife == null ? Duration.ofDays(30) : tombstoneLife;
        exportLife = exportLife == null ? Duration.ofHours(1) : exportLife;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("trellis.privacy.retention must be positive");
        }
    }
}
