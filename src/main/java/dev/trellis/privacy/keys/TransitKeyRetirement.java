package dev.trellis.privacy.keys;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Destroys transit keys older than their lifetime. Text sealed in transit is an inbox event's until it is processed
 * (seconds, normally); afterwards the person's own key holds it. Destroying the day's key is what makes a copy of
 * such text (in a backup taken in those seconds) unreadable, whoever the person was.
 */
@Component
class TransitKeyRetirement {

    private static final Logger log = LoggerFactory.getLogger(TransitKeyRetirement.class);

    private final DataKeys keys;
    private final CryptoProperties properties;
    private final Clock clock;

    TransitKeyRetirement(DataKeys keys, CryptoProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
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
