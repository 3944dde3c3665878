package dev.trellis.privacy;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;

/**
 * The readable half of an export: the same content as the JSON file, as headings and lists a person can read
 * without tools. Their own words are quoted as they wrote them, on their own lines (never as Markdown structure:
 * each text is indented as a quote, so a "#" they typed stays text).
 */
final class Markdown {

    private static final Map<String, String> TITLES = Map.ofEntries(Map.entry("goals", "Goals"),
            Map.entry("checkins", "Check-ins"), Map.entry("wheels", "Career wheels"),
            Map.entry("chartImages", "Charts"), Map.entry("plans", "Development plan"),
            Map.entry("oneOnOnes", "1:1 series"), Map.entry("peerSessions", "Peer coaching sessions"),
            Map.entry("feedback", "Feedback and recognition"), Map.entry("sessionRatings", "Session ratings"),
            Map.entry("sessions", "Coaching sessions"), Map.entry("askedQuestions", "Questions asked"));

    private Markdown() {
    }

    static String of(Document all) {
        StringBuilder md = new StringBuilder("# Everything Trellis keeps about you\n\n");
        md.append("Exported ").append(date(all.get("exportedAt"))).append(". The JSON file next to this one holds ")
                .append("the same data in full.\n\n");
        md.append("## Profile\n\n");
        fields(md, all.get("profile", Document.class), "");
        md.append("\n## Chats linked to you\n\n");
        for (Document link : list(all.get("identities"))) {
            md.append("- ").append(link.get("platform")).append(" (").append(link.get("_id")).append("), since ")
                    .append(date(link.get("linkedAt"))).append('\n');
        }
        Document coaching = all.get("coaching", Document.class);
        if (coaching != null) {
            for (Map.Entry<String, Object> section : coaching.entrySet()) {
                List<Document> records = list(section.getValue());
                md.append("\n## ").append(TITLES.getOrDefault(section.getKey(), section.getKey())).append(" (")
                        .append(records.size()).append(")\n\n");
                for (Document record : records) {
                    md.append("- record ").append(record.get("_id")).append('\n');
                    fields(md, record, "  ");
                }
            }
        }
        md.append("\n## Conversations\n");
        for (Document chat : list(all.get("conversations"))) {
            md.append("\n### ").append(chat.get("channel")).append(" (").append(chat.get("conversation"))
                    .append(")\n\n");
            for (Document line : list(chat.get("history"))) {
                md.append("- ").append(date(line.get("at"))).append(", ").append(line.get("from")).append(":\n");
                quote(md, line.get("text"), "  ");
            }
        }
        md.append("\n## Scheduled reminders\n\n");
        for (Document reminder : list(all.get("reminders"))) {
            md.append("- ").append(reminder.get("name")).append(": ").append(reminder.get("flow")).append(", next ")
                    .append(date(reminder.get("next"))).append(Boolean.TRUE.equals(reminder.get("paused"))
                            ? " (paused)" : "").append('\n');
        }
        Document more = all.get("more", Document.class);
        if (more != null) {
            for (Map.Entry<String, Object> part : more.entrySet()) {
                md.append("\n## ").append(part.getKey()).append("\n\n");
                if (part.getValue() instanceof Document d) fields(md, d, "");
            }
        }
        return md.toString();
    }

    private static void fields(StringBuilder md, Document document, String indent) {
        if (document == null) {
            md.append(indent).append("(nothing)\n");
            return;
        }
        for (Map.Entry<String, Object> field : document.entrySet()) {
            if (field.getKey().equals("_id") || field.getKey().equals("_class")) continue;
            Object value = field.getValue();
            if (value instanceof Document nested) {
                md.append(indent).append("- ").append(field.getKey()).append(":\n");
                fields(md, nested, indent + "  ");
            } else if (value instanceof List<?> items) {
                md.append(indent).append("- ").append(field.getKey()).append(":\n");
                for (Object item : items) {
                    if (item instanceof Document d) {
                        md.append(indent).append("  -\n");
                        fields(md, d, indent + "    ");
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
