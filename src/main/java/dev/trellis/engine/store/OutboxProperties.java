package dev.trellis.engine.store;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the outbox keeps trying.
 *
 * @param deliveryBudget       how long a message is retried while its channel answers "try later" (an outage),
 *                             counted from when the turn produced it; then it is marked failed
 * @param failedRescanInterval how often conversations with messages failed that way are tried once more
 * @param failedRetryWindow    how old such a message may be and still be tried again by that rescan
 */
@ConfigurationProperties("trellis.outbox")
public record OutboxProperties(@DefaultValue("6h") Duration deliveryBudget,
                               @DefaultValue("1h") Duration failedRescanInterval,
                               @DefaultValue("24h") Duration failedRetryWindow) {
}
