package dev.trellis.flow;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How a reminder repeats, in the person's wall-clock time: "weekly on Tuesday at 10:00" stays at 10:00 through
 * daylight-saving changes. Written as a spec that flows and the job store keep:
 * {@code weekly MON 10:00}, {@code every 2 weeks TUE 10:00 from 2026-12-01}, {@code monthly 15 09:00}. There is
 * no daily or cron form: a reminder comes at most weekly, so no flow can set a runaway trigger.
 */
public sealed interface Recurrence {

    /** The first occurrence strictly after {@code after}, in {@code zone}'s wall-clock time. */
    Instant next(Instant after, ZoneId zone);

    /** The spec this recurrence was read from; {@link #parse} reads it back. */
    String spec();

    /** Every {@code weeks} weeks on {@code day} at {@code time}, counted from the week of {@code from}. */
    record Weekly(int weeks, DayOfWeek day, LocalTime time, LocalDate from) implements Recurrence {
        public Weekly {
            if (weeks < 1) throw new IllegalArgumentException("'every " + weeks + " weeks' never comes round; "
                    + "say every 1 week or more");
            if (weeks > 52) throw new IllegalArgumentException("every " + weeks + " weeks is more than a year apart");
            from = from == null ? LocalDate.of(2026, 1, 5) : from;
        }

        @Override
        public Instant next(Instant after, ZoneId zone) {
            LocalDate anchor = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            LocalDate day = after.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(this.day));
            for (int i = 0; i < 60 * weeks; i++, day = day.plusWeeks(1)) {
                long weeksSince = ChronoUnit.WEEKS.between(anchor, day.with(TemporalAdjusters.previousOrSame(
                        DayOfWeek.MONDAY)));
                if (Math.floorMod(weeksSince, weeks) != 0) continue;
                Instant at = ZonedDateTime.of(day, time, zone).toInstant();
                if (at.isAfter(after)) return at;
            }
            throw new IllegalStateException("no occurrence found");
        }

        @Override
        public String spec() {
            String at = day.name().substring(0, 3) + " " + time;
            return weeks == 1 ? "weekly " + at : "every " + weeks + " weeks " + at + " from " + from;
        }
    }

    /** On day {@code dayOfMonth} of every month at {@code time} (the last day in shorter months). */
    record Monthly(int dayOfMonth, LocalTime time) implements Recurrence {
        public Monthly {
            if (dayOfMonth < 1 || dayOfMonth > 31) {
                throw new IllegalArgumentException("a month has days 1 to 31, not " + dayOfMonth);
            }
        }

        @Override
        public Instant next(Instant after, ZoneId zone) {
            LocalDate month = after.atZone(zone).toLocalDate().withDayOfMonth(1);
            for (int i = 0; i < 3; i++, month = month.plusMonths(1)) {
                LocalDate day = month.withDayOfMonth(Math.min(dayOfMonth, month.lengthOfMonth()));
                Instant at = ZonedDateTime.of(day, time, zone).toInstant();
                if (at.isAfter(after)) return at;
            }
            throw new IllegalStateException("no occurrence found");
        }

        @Override
        public String spec() {
            return "monthly " + dayOfMonth + " " + time;
        }
    }

    /**
     * Reads a spec; a spec that makes no sense (every 0 weeks, a cron, a day that is not a weekday) is refused with
     * a message that says why.
     */
    static Recurrence parse(String spec) {
        return RecurrenceSpecs.parse(spec);
    }
}
