package dev.trellis.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a due date the way people write one, relative to {@code today} in the person's timezone: "Friday",
 * "next Tue" (that weekday in the coming week), "this Friday", "end of week" / "EOW" (Friday), "end of month",
 * "in a week", "in two weeks", "next month", "4 Dec" (the next 4 December) and "Dec 4th", dates with a year, ISO
 * dates, "today" and "tomorrow"; in English and German. No library on Maven Central does this and is maintained
 * (natty, the usual one, is not), so this is a small grammar, tested phrase by phrase.
 */
final class NaturalDates {

    private record Vocabulary(Locale locale, Pattern lead, String today, String tomorrow, String dayAfter,
                              Pattern thisWord, Pattern nextWord, Pattern endOfWeek, Pattern endOfMonth,
                              Pattern in, Map<String, Integer> numbers, Pattern day, Pattern week, Pattern month,
                              Pattern year) {
    }

    private static final Map<String, Integer> EN_NUMBERS = numbers("a", 1, "an", 1, "one", 1, "two", 2, "three", 3,
            "four", 4, "five", 5, "six", 6, "seven", 7, "eight", 8, "nine", 9, "ten", 10, "eleven", 11, "twelve", 12,
            "a couple of", 2, "a couple", 2, "couple of", 2, "a few", 3, "few", 3);
    private static final Map<String, Integer> DE_NUMBERS = numbers("einer", 1, "einem", 1, "eine", 1, "ein", 1,
            "zwei", 2, "drei", 3, "vier", 4, "fünf", 5, "sechs", 6, "sieben", 7, "acht", 8, "neun", 9, "zehn", 10,
            "elf", 11, "zwölf", 12, "ein paar", 3, "paar", 3);

    private static final Vocabulary ENGLISH = new Vocabulary(Locale.ENGLISH,
            Pattern.compile("^(?:by|until|till|before|on|due|at the latest|latest)\\s+"),
            "today", "tomorrow", "day after tomorrow",
            Pattern.compile("this|coming|this coming"), Pattern.compile("next"),
            Pattern.compile("(?:the\\s+)?(?:end of(?: the)? week|eow|end of this week|this weekend|end of the working week)"),
            Pattern.compile("(?:the\\s+)?(?:end of(?: the)? month|eom|end of this month)"),
            Pattern.compile("in|within"), EN_NUMBERS, Pattern.compile("days?"), Pattern.compile("weeks?"),
            Pattern.compile("months?"), Pattern.compile("years?"));

    private static final Vocabulary GERMAN = new Vocabulary(Locale.GERMAN,
            Pattern.compile("^(?:bis(?: zum| spätestens)?|spätestens(?: am)?|am|zum)\\s+"),
            "heute", "morgen", "übermorgen",
            Pattern.compile("diesen|diese|kommenden|am kommenden"), Pattern.compile("nächsten|nächste|nächster"),
            Pattern.compile("(?:das\\s+)?ende (?:der|dieser) woche|wochenende|ende woche"),
            Pattern.compile("(?:das\\s+)?ende (?:des|dieses) monats|monatsende|ende monat"),
            Pattern.compile("in"), DE_NUMBERS, Pattern.compile("tag(?:en)?"), Pattern.compile("wochen?"),
            Pattern.compile("monat(?:en)?"), Pattern.compile("jahr(?:en)?"));

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th|\\.)?(?:\\s+of)?\\s+(\\p{L}+)\\.?(?:\\s+(\\d{4}))?");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+(\\d{4}))?");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[./](\\d{1,2})(?:[./](\\d{2,4}))?\\.?");

    /** The date {@code text} names, or null when it names none. */
    LocalDate parse(String text, LocalDate today, String languageTag) {
        Vocabulary v = languageTag != null && languageTag.toLowerCase(Locale.ROOT).startsWith("de") ? GERMAN : ENGLISH;
        String s = text == null ? "" : text.strip().toLowerCase(v.locale()).replace(",", " ")
                .replaceAll("[!?]+$", "").replaceAll("\\s+", " ").strip();
        s = v.lead().matcher(s).replaceFirst("");
        // day first everywhere but in US English, where 4/12 is April 12
        boolean monthFirst = "en-us".equalsIgnoreCase(languageTag);
        LocalDate date = parseIn(s, today, v, monthFirst);
        if (date == null && v != ENGLISH) date = parseIn(s, today, ENGLISH, monthFirst);
        return date;
    }

    private static LocalDate parseIn(String s, LocalDate today, Vocabulary v, boolean monthFirst) {
        if (s.equals(v.today())) return today;
        if (s.equals(v.tomorrow())) return today.plusDays(1);
        if (s.equals(v.dayAfter())) return today.plusDays(2);
        if (v.endOfWeek().matcher(s).matches()) return endOfWeek(today);
        if (v.endOfMonth().matcher(s).matches()) return today.with(TemporalAdjusters.lastDayOfMonth());
        Matcher m = Pattern.compile("(?:end of|ende) (?:next|nächster|der nächsten) (week|month|woche|monats?)").matcher(s);
        if (m.matches()) {
            return m.group(1).startsWith("w") ? endOfWeek(today).plusWeeks(1)
                    : today.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        LocalDate relative = relative(s, today, v);
        if (relative != null) return relative;
        LocalDate weekday = weekday(s, today, v);
        if (weekday != null) return weekday;
        return calendarDate(s, today, v.locale(), monthFirst);
    }

    /** "in two weeks", "in a month", "3 days", "next week", "next month", "a week from now". */
    private static LocalDate relative(String s, LocalDate today, Vocabulary v) {
        String amount = String.join("|", v.numbers().keySet().stream().map(Pattern::quote).toList());
        Matcher m = Pattern.compile("(?:(?:" + v.in().pattern() + ")\\s+)?(\\d{1,3}|" + amount + ")\\s+(\\p{L}+)"
                + "(?:\\s+(?:from now|from today|ab heute|von heute))?").matcher(s);
        if (m.matches()) {
            Integer n = m.group(1).matches("\\d+") ? Integer.valueOf(m.group(1)) : v.numbers().get(m.group(1));
            String unit = m.group(2);
            if (n != null) {
                if (v.day().matcher(unit).matches()) return today.plusDays(n);
                if (v.week().matcher(unit).matches()) return today.plusWeeks(n);
                if (v.month().matcher(unit).matches()) return today.plusMonths(n);
                if (v.year().matcher(unit).matches()) return today.plusYears(n);
                if (unit.equals("fortnight") || unit.equals("fortnights")) return today.plusWeeks(2L * n);
            }
        }
        m = Pattern.compile("(?:" + v.nextWord().pattern() + ")\\s+(\\p{L}+)").matcher(s);
        if (m.matches()) {
            if (v.week().matcher(m.group(1)).matches()) return today.plusWeeks(1);
            if (v.month().matcher(m.group(1)).matches()) return today.plusMonths(1);
        }
        return null;
    }

    /** "Friday" and "this Friday": the next one from today on; "next Friday": that day in the coming week. */
    private static LocalDate weekday(String s, LocalDate today, Vocabulary v) {
        Matcher m = Pattern.compile("(?:(" + v.thisWord().pattern() + "|" + v.nextWord().pattern() + ")\\s+)?(\\p{L}+)\\.?")
                .matcher(s);
        if (!m.matches()) return null;
        DayOfWeek day = dayOfWeek(m.group(2), v.locale());
        if (day == null) return null;
        if (m.group(1) != null && v.nextWord().matcher(m.group(1)).matches()) {
            return today.with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).with(TemporalAdjusters.nextOrSame(day));
        }
        return today.with(TemporalAdjusters.nextOrSame(day));
    }

    private static LocalDate endOfWeek(LocalDate today) {
        return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    }

    /** "4 Dec", "December 4th", "4. Dezember 2026", "4/12", ISO: without a year, the next such date from today. */
    private static LocalDate calendarDate(String s, LocalDate today, Locale locale, boolean monthFirst) {
        Matcher m = ISO.matcher(s);
        if (m.matches()) return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        Integer day = null;
        Month month = null;
        String year = null;
        if ((m = DAY_MONTH.matcher(s)).matches() && monthOf(m.group(2), locale) != null) {
            day = Integer.valueOf(m.group(1));
            month = monthOf(m.group(2), locale);
            year = m.group(3);
        } else if ((m = MONTH_DAY.matcher(s)).matches() && monthOf(m.group(1), locale) != null) {
            day = Integer.valueOf(m.group(2));
            month = monthOf(m.group(1), locale);
            year = m.group(3);
        } else if ((m = NUMERIC.matcher(s)).matches()) {
            day = Integer.valueOf(monthFirst ? m.group(2) : m.group(1));
            int monthNumber = Integer.parseInt(monthFirst ? m.group(1) : m.group(2));
            if (monthNumber < 1 || monthNumber > 12) return null;
            month = Month.of(monthNumber);
            year = m.group(3) == null ? null : m.group(3).length() == 2 ? "20" + m.group(3) : m.group(3);
        }
        if (day == null) return null;
        if (year != null) return of(Integer.parseInt(year), month.getValue(), day);
        LocalDate thisYear = of(today.getYear(), month.getValue(), day);
        if (thisYear == null) return null;
        return thisYear.isBefore(today) ? of(today.getYear() + 1, month.getValue(), day) : thisYear;
    }

    private static LocalDate of(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static DayOfWeek dayOfWeek(String word, Locale locale) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (matchesName(word, d.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale))) return d;
        }
        return null;
    }

    private static Month monthOf(String word, Locale locale) {
        for (Month m : Month.values()) {
            if (matchesName(word, m.getDisplayName(TextStyle.FULL, locale).toLowerCase(locale))) return m;
        }
        return null;
    }

    /** The full name, or a start of it at least three letters long ("tue", "tues", "dec", "sept"). */
    private static boolean matchesName(String word, String fullName) {
        String w = word.replace(".", "");
        return w.equals(fullName) || w.length() >= 3 && fullName.startsWith(w) || w.equals("weds") && fullName.equals("wednesday");
    }

    private static Map<String, Integer> numbers(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], (Integer) pairs[i + 1]);
        // longest first, so "a couple of" wins over "a"
        Map<String, Integer> sorted = new LinkedHashMap<>();
        map.keySet().stream().sorted((a, b) -> b.length() - a.length()).forEach(k -> sorted.put(k, map.get(k)));
        return sorted;
    }
}
