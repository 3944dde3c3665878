package dev.trellis.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.trellis.flow.YamlMessageBundle;

/** The readable export is written in the person's language; their own words stay quoted as they wrote them. */
class MarkdownTest {

    private static final YamlMessageBundle MESSAGES = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    private static Document export() {
        return new Document("exportedAt", Date.from(Instant.parse("2026-12-03T10:00:00Z")))
                .append("profile", new Document("name", "Lena"))
                .append("identities", List.of(new Document("_id", "slack:T1:U1").append("platform", "slack")
                        .append("linkedAt", Date.from(Instant.parse("2026-11-01T09:00:00Z")))))
                .append("coaching", new Document("goals", List.of(new Document("_id", "g1")
                        .append("title", "# Zwei Vorträge halten"))))
                .append("conversations", List.of())
                .append("reminders", List.of(new Document("name", "goal-checkin").append("flow", "goal-checkin")
                        .append("next", Date.from(Instant.parse("2026-12-07T08:00:00Z"))).append("paused", true)));
    }

    private static String in(String locale) {
        return Markdown.of(export(), key -> MESSAGES.variants(locale, "export.markdown." + key).stream().findFirst());
    }

    @Test
    void aGermanPersonReadsTheirExportWithGermanHeadings() {
        String md = in("de");

        assertThat(md).startsWith("# Alles, was Trellis über dich speichert\n\nExportiert am 2026-12-03T10:00:00Z.")
                .contains("## Profil", "## Mit dir verknüpfte Chats", "seit 2026-11-01", "## Ziele (1)",
                        "- Eintrag g1", "## Gespräche", "## Geplante Erinnerungen", "nächste 2026-12-07", "(pausiert)",
                        "> # Zwei Vorträge halten");
        assertThat(md).doesNotContain("Everything Trellis", "Profile", "Goals", "Conversations", "Scheduled", "paused");
    }

    @Test
    void anEnglishPersonReadsEnglishHeadings() {
        assertThat(in("en")).startsWith("# Everything Trellis keeps about you\n\nExported 2026-12-03T10:00:00Z.")
                .contains("## Profile", "## Goals (1)", "- record g1", "## Scheduled reminders", "(paused)");
    }
}
