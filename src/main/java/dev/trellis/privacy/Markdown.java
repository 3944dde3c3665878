package dev.trellis.privacy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.bson.Document;

/**
 * The readable half of an export: the same content as the JSON file, as headings and lists a person can read
 * without tools. Their own words are quoted as they wrote them, on their own lines (never as Markdown structure:
 * each text is indented as a quote, so a "#" they typed stays text).
 */
final class Markdown {

    private Markdown() {
    }

    /**
     * The summary, its headings and words in the person's language: {@code words} gives the text of a key under
     * {@code export.markdown} (a section's heading is {@code sections.<name>}, or the name itself when it has none).
     */
    static String of(Document all, Function<String, Optional<String>> words) {
        Function<String, String> say = key -> words.apply(key).orElse(key);
        StringBuilder md = new StringBuilder("# " + say.apply("title") + "\n\n");
        md.append(say.apply("exported").replace("{{date}}", date(all.get("exportedAt")))).append("\n\n");
        md.append("## ").append(say.apply("profile")).append("\n\n");
        fields(md, all.get("profile", Document.class), "", say);
        md.append("\n## ").append(say.apply("linked")).append("\n\n");
        for (Document link : list(all.get("identities"))) {
            md.append("- ").append(link.get("platform")).append(" (").append(link.get("_id")).append("), ")
                    .append(say.apply("since")).append(' ').append(date(link.get("linkedAt"))).append('\n');
        }
        Document coaching = all.get("coaching", Document.class);
        if (coaching != null) {
            for (Map.Entry<String, Object> section : coaching.entrySet()) {
                List<Document> records = list(section.getValue());
                md.append("\n## ").append(words.apply("sections." + section.getKey()).orElse(section.getKey())).append(" (")
                        .append(records.size()).append(")\n\n");
                for (Document record : records) {
                    md.append("- ").append(say.apply("record")).append(' ').append(record.get("_id")).append('\n');
                    fields(md, record, "  ", say);
                }
            }
        }
        md.append("\n## ").append(say.apply("conversations")).append("\n");
        for (Document chat : list(all.get("conversations"))) {
            md.append("\n### ").append(chat.get("channel")).append(" (").append(chat.get("conversation"))
                    .append(")\n\n");
            for (Document line : list(chat.get("history"))) {
                md.append("- ").append(date(line.get("at"))).append(", ").append(line.get("from")).append(":\n");
                quote(md, line.get("text"), "  ");
            }
        }
        md.append("\n## ").append(say.apply("reminders")).append("\n\n");
        for (Document reminder : list(all.get("reminders"))) {
            md.append("- ").append(reminder.get("name")).append(": ").append(reminder.get("flow")).append(", ")
                    .append(say.apply("next")).append(' ').append(date(reminder.get("next")))
                    .append(Boolean.TRUE.equals(reminder.get("paused")) ? " (" + say.apply("paused") + ")" : "")
                    .append('\n');
        }
        Document more = all.get("more", Document.class);
        if (more != null) {
            for (Map.Entry<String, Object> part : more.entrySet()) {
                md.append("\n## ").append(part.getKey()).append("\n\n");
                if (part.getValue() instanceof Document d) fields(md, d, "", say);
            }
        }
        return md.toString();
    }

    private static void fields(StringBuilder md, Document document, String indent, Function<String, String> say) {
        if (document == null) {
            md.append(indent).append("(").append(say.apply("nothing")).append(")\n");
            return;
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey().equals("_id") || field.getKey().equals("_class")) continue;
            Object value = field.getValue();
            if (value instanceof Document nested) {
                md.append(indent).append("- ").append(field.getKey()).append(":\n");
                fields(md, nested, indent + "  ", say);
            } else if (value instanceof List<?> items) {
                md.append(indent).append("- ").append(field.getKey()).append(":\n");
                for (Object item : items) {
                    if (item instanceof Document d) {
                        md.append(indent).append("  -\n");
                        fields(md, d, indent + "    ", say);
                    } else {
                        quote(md, item, indent + "  ");
                    }
                }
            } else {
                md.append(indent).append("- ").append(field.getKey()).append(":\n");
                quote(md, value instanceof Date ? date(value) : value, indent + "  ");
            }
        }
    }

    /** A value on quoted lines: whatever it holds, it renders as text. */
    private static void quote(StringBuilder md, Object value, String indent) {
        String text = value == null ? "" : String.valueOf(value);
        for (String line : text.split("\\R", -1)) {
            md.append(indent).append("> ").append(line).append('\n');
        }
    }

    private static String date(Object value) {
        return value instanceof Date d ? d.toInstant().toString() : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Document> list(Object value) {
        if (!(value instanceof List<?> items)) return List.of();
        return items.stream().filter(Document.class::isInstance).map(Document.class::cast).toList();
    }
}
