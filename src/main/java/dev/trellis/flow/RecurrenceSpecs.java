package dev.trellis.flow;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link Recurrence} specs. */
final class RecurrenceSpecs {

    private RecurrenceSpecs() {
    }

    private static final Pattern WEEKLY = Pattern.compile("weekly\\s+(\\w+)\\s+(\\S+)");
    private static final Pattern EVERY = Pattern.compile("every\\s+(-?\\d+)\\s+(days?|weeks?|months?)\\s*(.*)");
    private static final Pattern WEEKS_REST = Pattern.compile("(\\w+)\\s+(\\S+)(?:\\s+from\\s+(\\S+))?");
    private static final Pattern MONTHLY = Pattern.compile("monthly\\s+(-?\\d+)\\s+(\\S+)");

    static Recurrence parse(String spec) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException("a recurrence is empty");
        String s = spec.strip().replaceAll("\\s+", " ");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cron")) {
            throw new IllegalArgumentException("cron is not offered for reminders; use 'weekly MON 09:00', "
                    + "'every 2 weeks TUE 10:00' or 'monthly 1 09:00'");
        }
        Matcher m = WEEKLY.matcher(lower);
        if (m.matches()) return new Recurrence.Weekly(1, day(m.group(1)), time(m.group(2)), null);
        m = MONTHLY.matcher(lower);
        if (m.matches()) return new Recurrence.Monthly(Integer.parseInt(m.group(1)), time(m.group(2)));
        m = EVERY.matcher(lower);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            if (n < 1) throw new IllegalArgumentException("'" + spec + "' never comes round; say every 1 "
                    + m.group(2).replaceAll("s$", "") + " or more");
            if (m.group(2).startsWith("day")) {
                throw new IllegalArgumentException("'" + spec + "': daily reminders are not offered; "
                        + "use weekly, every N weeks or monthly");
            }
            if (m.group(2).startsWith("month")) {
                throw new IllegalArgumentException("'" + spec + "': say 'monthly <day> <time>'");
            }
            Matcher rest = WEEKS_REST.matcher(m.group(3));
            if (!rest.matches()) {
                throw new IllegalArgumentException("'" + spec + "' needs a weekday and a time, e.g. "
                        + "'every 2 weeks TUE 10:00'");
            }
            LocalDate from = rest.group(3) == null ? null : date(rest.group(3));
            return new Recurrence.Weekly(n, day(rest.group(1)), time(rest.group(2)), from);
        }
        throw new IllegalArgumentException("'" + spec + "' is not a recurrence I understand; try 'weekly MON 09:00', "
                + "'every 2 weeks TUE 10:00' or 'monthly 1 09:00'");
    }

    private static DayOfWeek day(String word) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (word.length() >= 2 && day.name().toLowerCase(Locale.ROOT).startsWith(word.toLowerCase(Locale.ROOT))) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + word + "' is not a weekday");
    }

    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time of day like 09:30");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date like 2026-12-01");
        }
    }
}
