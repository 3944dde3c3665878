package dev.trellis.privacy.keys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the transit keys the inbox needs warm, and destroys those older than their lifetime. Text sealed in transit is an inbox event's until it is processed
 * (seconds, normally); afterwards the person's own key holds it. Destroying the day's key is what makes a copy of
 * such text (in a backup taken in those seconds) unreadable, whoever the person was.
 */
@Component
class TransitKeyUpkeep {

    private static final Logger log = LoggerFactory.getLogger(TransitKeyUpkeep.class);

    private final DataKeys keys;
    private final CryptoProperties properties;
    private final Clock clock;

    TransitKeyUpkeep(DataKeys keys, CryptoProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Keeps today's and tomorrow's transit keys in this node's cache, fresher than its time to live: the inbox seals
     * on the platform's acknowledgement path, which then never waits for a key to be read (or, at midnight, made).
     */
    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT1M")
    void warm() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        keys.warmTransit(today);
        keys.warmTransit(today.plusDays(1));
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void retire() {
        LocalDate oldestKept = LocalDate.ofInstant(clock.instant().minus(properties.transitKeyLifetime()),
                ZoneOffset.UTC);
        long destroyed = keys.destroyTransitBefore(oldestKept);
        if (destroyed > 0) {
            log.info("Destroyed {} transit key(s) of days before {}", destroyed, oldestKept);
        }
    }
}
