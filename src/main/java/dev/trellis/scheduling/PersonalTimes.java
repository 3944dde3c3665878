package dev.trellis.scheduling;

import java.time.ZoneId;

/**
 * Each person's time: the timezone, working hours and days off they chose, or the platform's timezone and office
 * hours when they chose nothing.
 */
public interface PersonalTimes {

    /** The person's time; {@code platformZone} (may be null or unknown: then UTC) when they set no zone. */
    PersonalTime of(String personId, String platformZone);

    /** Keeps what the person chose. */
    void save(String personId, PersonalTime time);

    /** Forgets it (erasure). */
    void forget(String personId);

    /** The zone a platform reported, or UTC when it reported none or one Java does not know. */
    static ZoneId zoneOrUtc(String platformZone) {
        if (platformZone == null || platformZone.isBlank()) return ZoneId.of("UTC");
        try {
            return ZoneId.of(platformZone.strip());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
