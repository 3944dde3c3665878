package dev.trellis.coaching.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone who talks to Trellis. {@code id} is the person id conversations use; {@code platformIds} are the ids on
 * each channel ({@code slack: U123}). Reminders use {@code timezone} and {@code workingHours}. Who their manager is
 * lives in {@code dev.trellis.sharing.ManagerLinks}, confirmed by the manager, not here.
 */
@Document("people")
public record Person(@Id String id, Map<String, String> platformIds, String name, String timezone, String locale,
                     WorkingHours workingHours, boolean peerCoaching, Instant createdAt,
                     Instant updatedAt,
                     @Version Long version) {

    /** A new Person, not stored yet (the store sets its version). */
    public Person(String id, Map<String, String> platformIds, String name, String timezone, String locale, WorkingHours workingHours, boolean peerCoaching, Instant createdAt, Instant updatedAt) {
        this(id, platformIds, name, timezone, locale, workingHours, peerCoaching, createdAt, updatedAt, null);
    }


    /** When the person wants to be reached, in their timezone. */
    public record WorkingHours(LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        public static final WorkingHours OFFICE = new WorkingHours(LocalTime.of(9, 0), LocalTime.of(17, 30),
                Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
    }

    @PersistenceCreator
    public Person {
        platformIds = platformIds == null ? Map.of() : Map.copyOf(platformIds);
        timezone = timezone == null ? "UTC" : timezone;
        locale = locale == null ? "en" : locale;
        workingHours = workingHours == null ? WorkingHours.OFFICE : workingHours;
    }

    /** A person Trellis has not stored yet: defaults only. */
    public static Person unknown(String id, Instant now) {
        return new Person(id, Map.of(), null, null, null, null, false, now, now);
    }
}
