package dev.trellis.scheduling;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A person's time: their timezone, working hours and working days, and days off. Reminders land inside it: one due
 * outside working hours moves to the next working moment; {@link #later} and {@link #tomorrow} snooze within it.
 * Pure: every answer is a function of the arguments.
 */
public record PersonalTime(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> workDays,
                           Set<LocalDate> daysOff) {

    public static final LocalTime DEFAULT_START = LocalTime.of(9, 0);
    public static final LocalTime DEFAULT_END = LocalTime.of(17, 30);
    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    /** How far {@link #later} snoozes. */
    public static final Duration LATER = Duration.ofHours(2);
    /** A person with no working day in the next year has told us something wrong; we stop looking there. */
    private static final int MAX_DAYS_AHEAD = 366;

    public PersonalTime {
        Objects.requireNonNull(zone, "zone");
        start = start == null ? DEFAULT_START : start;
        end = end == null ? DEFAULT_END : end;
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("working hours must start before they end (" + start + "–" + end + ")");
        }
        workDays = workDays == null || workDays.isEmpty() ? MONDAY_TO_FRIDAY : Set.copyOf(workDays);
        daysOff = daysOff == null ? Set.of() : Set.copyOf(daysOff);
    }

    /** Office hours, Monday to Friday, in {@code zone}. */
    public static PersonalTime in(ZoneId zone) {
        return new PersonalTime(zone, DEFAULT_START, DEFAULT_END, MONDAY_TO_FRIDAY, Set.of());
    }

    /**
     * The zone named by a platform or a person ("Europe/Berlin"); an unknown name is refused with a message a person
     * can act on.
     */
    public static ZoneId zone(String name) {
        try {
            return ZoneId.of(name.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + name + "' is not a timezone I know; try a name like "
                    + "Europe/Berlin or America/New_York");
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        return workDays.contains(day.getDayOfWeek()) && !daysOff.contains(day);
    }

    public boolean isWorking(Instant moment) {
        ZonedDateTime local = moment.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isWorkingDay(local.toLocalDate()) && !time.isBefore(start) && time.isBefore(end);
    }

    /** {@code moment} when it is inside working hours, otherwise the start of the next working period. */
    public Instant nextWorkingMoment(Instant moment) {
        if (isWorking(moment)) return moment;
        ZonedDateTime local = moment.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!local.toLocalTime().isBefore(start)) day = day.plusDays(1);
        for (int i = 0; i < MAX_DAYS_AHEAD; i++, day = day.plusDays(1)) {
            if (isWorkingDay(day)) return day.atTime(start).atZone(zone).toInstant();
        }
        throw new IllegalStateException("no working day within a year");
    }

    /** Snooze "later": two hours on, kept within working hours. */
    public Instant later(Instant now) {
        return nextWorkingMoment(now.plus(LATER));
    }

    /** Snooze "tomorrow": the start of the next working day after today. */
    public Instant tomorrow(Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate().plusDays(1);
        return nextWorkingMoment(day.atStartOfDay(zone).toInstant());
    }

    /** The same person with working hours from {@code from} to {@code to}. */
    public PersonalTime withHours(LocalTime from, LocalTime to) {
        return new PersonalTime(zone, from, to, workDays, daysOff);
    }

    public PersonalTime withDaysOff(Set<LocalDate> days) {
        return new PersonalTime(zone, start, end, workDays, days);
    }
}
