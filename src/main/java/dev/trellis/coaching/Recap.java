package dev.trellis.coaching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * A short summary of a session before it ends: one line per answer, in the person's own words (cut to
 * its key clause when it is long), so they can see what they said and correct it. Empty answers are left out, and so are
 * answers that say nothing ("idk", "meh", "n/a", "..."): a line "Request: meh" tells the person nothing. A date
 * answer reads as a date ("Tue 1 Dec 2026"), not as stored. A session with nothing to recap gives an empty text.
 */
public final class Recap {

    static final int MAX_WORDS = KeyPhrase.MAX_WORDS;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** One line of the recap: what was asked about ({@code label}) and the answer (text, number, list, yes/no). */
    public record Item(String label, Object value) {
    }

    /** The recap of {@code items} in their order, headed by {@code heading}. */
    public String summarise(String heading, List<Item> items) {
        return summarise(heading, items, Locale.ENGLISH);
    }

    /** The recap of {@code items}, with dates written the way {@code locale} writes them. */
    public String summarise(String heading, List<Item> items, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Item item : items) {
            String value = format(item.value(), locale);
            if (!value.isBlank()) {
                lines.add("• " + item.label().strip() + ": " + value);
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        return heading + "\n" + String.join("\n", lines);
    }

    /**
     * Items from what a flow passes: a list of {@code [label, value]} pairs or of {@code {label:, value:}} maps.
     *
     * @throws IllegalArgumentException for anything else, naming the position of the bad item
     */
    public static List<Item> items(Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("recap items must be a list");
        }
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object entry = list.get(i);
            if (entry instanceof List<?> pair && pair.size() == 2) {
                items.add(new Item(String.valueOf(pair.get(0)), pair.get(1)));
            } else if (entry instanceof Map<?, ?> map && map.containsKey("label")) {
                items.add(new Item(String.valueOf(map.get("label")), map.get("value")));
            } else {
                throw new IllegalArgumentException("recap item " + i + " must be [label, value] or {label, value}");
            }
        }
        return items;
    }

    static String format(Object value) {
        return format(value, Locale.ENGLISH);
    }

    static String format(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text && ISO_DATE.matcher(text.strip()).matches()) {
            String pattern = locale.getLanguage().equals("de") ? "EEE, d. MMM yyyy" : "EEE d MMM yyyy";
            return LocalDate.parse(text.strip()).format(DateTimeFormatter.ofPattern(pattern, locale));
        }
        if (value instanceof String text && saysNothing(text)) {
            return "";
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(v -> format(v, locale)).filter(s -> !s.isBlank()).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> map && map.containsKey("title")) {
            return format(map.get("title"), locale);
        }
        // a recap line is a summary: the key clause of a long answer, never the whole paragraph
        return KeyPhrase.summary(String.valueOf(value));
    }

    private static boolean saysNothing(String text) {
        KeyPhrase.Shape shape = KeyPhrase.find(text).shape();
        // "idk, she's just negative" still says something; "idk tbh" does not
        boolean bareUnsure = shape == KeyPhrase.Shape.UNSURE && text.strip().split("\\s+").length <= 3;
        return shape == KeyPhrase.Shape.NOTHING || shape == KeyPhrase.Shape.EMPTY || bareUnsure;
    }
}
