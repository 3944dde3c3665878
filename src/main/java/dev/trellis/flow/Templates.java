package dev.trellis.flow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders {@code {{ path }}} and {@code {{ path | filter:arg }}} in bot texts. A template only looks values up
 * and formats them: nothing in it, and nothing a person wrote, is ever evaluated. Missing values render empty
 * (or as the {@code default} filter says).
 */
public final class Templates {

    /** Filters a template may name. */
    public static final List<String> FILTERS = List.of("date", "relative", "list", "upper", "lower", "default", "count");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}|]+?)\\s*((?:\\|\\s*[^}|]+?\\s*)*)}}");
    private static final Pattern ROOT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");

    /** How to format values for one person. */
    public record Style(Locale locale, ZoneId zone, Instant now) {
    }

    public String render(String template, Map<String, Object> values, Style style) {
        if (template == null || !template.contains("{{")) return template;
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = lookup(values, m.group(1).trim());
            String rendered = applyFilters(value, m.group(2), style);
            m.appendReplacement(out, Matcher.quoteReplacement(rendered));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The variable names a template reads (the first segment of each path), for the validator. */
    public static List<String> references(String template) {
        List<String> roots = new ArrayList<>();
        if (template == null) return roots;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            Matcher r = ROOT.matcher(m.group(1).trim());
            if (r.find()) roots.add(r.group());
        }
        return roots;
    }

    /** Filter names used in a template, for the validator. */
    public static List<String> filters(String template) {
        List<String> names = new ArrayList<>();
        if (template == null) return names;
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            for (String f : m.group(2).split("\\|")) {
                String name = f.trim().split(":", 2)[0].trim();
                if (!name.isEmpty()) names.add(name);
            }
        }
        return names;
    }

    static Object lookup(Map<String, Object> values, String path) {
        Object current = values;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                int i = Integer.parseInt(part);
                current = i < list.size() ? list.get(i) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    private String applyFilters(Object value, String chain, Style style) {
        Object current = value;
        boolean formatted = false;
        for (String raw : chain.split("\\|")) {
            String f = raw.trim();
            if (f.isEmpty()) continue;
            String[] parts = f.split(":", 2);
            String name = parts[0].trim();
            String arg = parts.length > 1 ? parts[1].trim() : null;
            current = switch (name) {
                case "date" -> formatDate(current, arg, style);
                case "relative" -> relative(current, style);
                case "list" -> joinList(current, style);
                case "upper" -> plain(current).toUpperCase(style.locale());
                case "lower" -> plain(current).toLowerCase(style.locale());
                case "default" -> (current == null || plain(current).isBlank()) ? stripQuotes(arg) : current;
                case "count" -> (long) (current instanceof Collection<?> c ? c.size()
                        : current instanceof Map<?, ?> mp ? mp.size() : current == null ? 0 : 1);
                default -> current;
            };
            formatted = true;
        }
        return formatted && current instanceof String s ? s : plain(current);
    }

    /** Plain display of a value: whole doubles without ".0", lists joined. */
    public static String plain(Object value) {
        if (value == null) return "";
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) return Long.toString(d.longValue());
        if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            c.forEach(v -> items.add(plain(v)));
            return String.join(", ", items);
        }
        return String.valueOf(value);
    }

    private static String stripQuotes(String arg) {
        if (arg == null) return "";
        if (arg.length() >= 2 && (arg.startsWith("\"") && arg.endsWith("\"") || arg.startsWith("'") && arg.endsWith("'"))) {
            return arg.substring(1, arg.length() - 1);
        }
        return arg;
    }

    private static LocalDate toDate(Object value, ZoneId zone) {
        if (value instanceof LocalDate d) return d;
        if (value instanceof Instant i) return i.atZone(zone).toLocalDate();
        if (value instanceof String s && !s.isBlank()) {
            try {
                return s.length() <= 10 ? LocalDate.parse(s) : Instant.parse(s).atZone(zone).toLocalDate();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Object formatDate(Object value, String pattern, Style style) {
        LocalDate date = toDate(value, style.zone());
        if (date == null) return value;
        String p = pattern != null ? stripQuotes(pattern) : german(style) ? "EEE, d. MMM yyyy" : "EEE d MMM yyyy";
        return date.format(DateTimeFormatter.ofPattern(p, style.locale()));
    }

    private static Object relative(Object value, Style style) {
        LocalDate date = toDate(value, style.zone());
        if (date == null) return value;
        long days = ChronoUnit.DAYS.between(style.now().atZone(style.zone()).toLocalDate(), date);
        boolean de = german(style);
        if (days == 0) return de ? "heute" : "today";
        if (days == 1) return de ? "morgen" : "tomorrow";
        if (days == -1) return de ? "gestern" : "yesterday";
        if (days > 1 && days < 7) return (de ? "am " : "on ") + date.format(DateTimeFormatter.ofPattern("EEEE", style.locale()));
        if (days >= 7 && days < 14) return de ? "in einer Woche" : "in a week";
        if (days >= 14 && days < 60) return (de ? "in " + (days / 7) + " Wochen" : "in " + (days / 7) + " weeks");
        if (days < -1 && days > -14) return de ? "vor " + (-days) + " Tagen" : (-days) + " days ago";
        return de ? "am " + date.format(DateTimeFormatter.ofPattern("d. MMM yyyy", style.locale()))
                : "on " + date.format(DateTimeFormatter.ofPattern("d MMM yyyy", style.locale()));
    }

    // the two locales that ship; another language reads the English words until its own are added here
    private static boolean german(Style style) {
        return "de".equals(style.locale().getLanguage());
    }

    private static Object joinList(Object value, Style style) {
        if (!(value instanceof Collection<?> c)) return plain(value);
        List<String> items = new ArrayList<>();
        c.forEach(v -> items.add(plain(v instanceof Map<?, ?> m && m.containsKey("title") ? m.get("title") : v)));
        if (items.isEmpty()) return "";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + (german(style) ? " und " : " and ")
                + items.get(items.size() - 1);
    }
}
