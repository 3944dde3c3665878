package dev.trellis.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.trellis.flow.Recurrence;
import dev.trellis.flow.StepKind;

/**
 * Turns a {@code schedule} step into the timer to set: its moment (a date, a date-time, a delay or a recurrence)
 * and its ids. Pure; the scheduling feature sets the timer when it hears the effect.
 */
final class Timers {

    /** A date without a time means the start of that working day; scheduling moves it into working hours. */
    static final LocalTime DATE_ONLY_AT = LocalTime.of(9, 0);
    private static final int MAX_ID_LENGTH = 200;

    private Timers() {
    }

    static Turn.Effect set(StepKind.Schedule schedule, String currentFlow, Map<String, Object> activation,
                           Instant now, ZoneId zone) {
        String flow = schedule.flow() == null ? currentFlow : schedule.flow();
        Map<String, String> ids = new LinkedHashMap<>();
        for (var entry : schedule.with().entrySet()) {
            Object value = entry.getValue().evaluate(activation);
            if (value == null || value instanceof String s && s.isEmpty()) continue;
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)
                    || value.toString().length() > MAX_ID_LENGTH) {
                return new Turn.Effect.TimerRefused(schedule.name(), "'" + entry.getKey() + "' is not an id");
            }
            ids.put(entry.getKey(), value.toString());
        }
        if (schedule.after() != null) {
            return timer(schedule, flow, now.plus(schedule.after()), null, zone, ids);
        }
        if (schedule.every() != null || schedule.everyExpr() != null) {
            String spec = schedule.every() != null ? schedule.every().spec()
                    : String.valueOf(schedule.everyExpr().evaluate(activation));
            try {
                return timer(schedule, flow, null, Recurrence.parse(spec).spec(), zone, ids);
            } catch (IllegalArgumentException e) {
                return new Turn.Effect.TimerRefused(schedule.name(), e.getMessage());
            }
        }
        Object value = schedule.at().evaluate(activation);
        Instant at = moment(value == null ? "" : value.toString().strip(), zone);
        if (at == null) return new Turn.Effect.TimerRefused(schedule.name(), "no date");
        if (!at.isAfter(now)) {
            if (at.atZone(zone).toLocalDate().equals(now.atZone(zone).toLocalDate())) {
                at = now.plus(java.time.Duration.ofHours(2));
            } else {
                return new Turn.Effect.TimerRefused(schedule.name(), "in the past");
            }
        }
        return timer(schedule, flow, at, null, zone, ids);
    }

    private static Turn.Effect timer(StepKind.Schedule schedule, String flow, Instant at, String every, ZoneId zone,
                                     Map<String, String> ids) {
        return new Turn.Effect.TimerSet(schedule.name(), flow, schedule.step(), at, every, zone.getId(),
                Map.copyOf(ids));
    }

    /** A date ({@code 2026-12-10}: that day at the start of the working day) or a date-time with an offset. */
    private static Instant moment(String text, ZoneId zone) {
        if (text.isEmpty()) return null;
        try {
            return LocalDate.parse(text).atTime(DATE_ONLY_AT).atZone(zone).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notADateTime) {
                return null;
            }
        }
    }
}
