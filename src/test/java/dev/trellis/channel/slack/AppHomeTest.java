package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.slack.api.util.json.GsonFactory;

import dev.trellis.engine.PersonContext;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.Flow;
import dev.trellis.flow.YamlMessageBundle;

/** The App Home tab speaks the person's language: its own words, the flows' titles and the reminders' lines. */
class AppHomeTest {

    private static final YamlMessageBundle MESSAGES = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));
    private static final Flow GROW = new Flow("grow", "GROW coaching session", "Think something through.", null,
            List.of(), List.of(), Map.of(), null, true, "v1", "", "grow.yaml");

    private final PersonDirectory directory = new PersonDirectory() {
        public String resolve(PlatformIdentity identity) {
            return "person-" + identity.userId();
        }

        public Optional<String> find(PlatformIdentity identity) {
            return Optional.of(resolve(identity));
        }
    };

    private AppHome home(String locale) {
        PersonContext people = (channel, personId) -> Map.of(
                "person", Map.of("locale", locale),
                "goals", Map.of("active", List.of(Map.of("title", "Run a 10k", "progress", 6L, "due", "2026-12-04"))),
                "checkin", Map.of("next", "2026-12-07"));
        return new AppHome(null, () -> List.of(GROW), people, directory, null,
                (personId, in) -> List.of("de".equals(in) ? "Ziel-Check-in · Mo. 7 Dez., 09:00" : "Goal check-in"),
                MESSAGES);
    }

    @Test
    void aGermanPersonSeesTheirHomeTabInGerman() {
        String json = GsonFactory.createSnakeCase().toJson(home("de").blocks("T1", "U1"));

        assertThat(json).contains("Dein Coaching-Bereich", "*Deine Ziele*", " · fällig 2026-12-04",
                "Nächster Check-in: 2026-12-07", "*Demnächst*", "Ziel-Check-in", "*Starte ein Gespräch*", "Starten",
                "*GROW-Coaching*", "Denk etwas in vier Schritten durch");
        assertThat(json).doesNotContain("Your coaching space", "Your goals", "due 2026", "Next check-in", "Coming up",
                "Start a conversation", "GROW coaching session", "\"Start\"");
    }

    @Test
    void anEnglishPersonSeesTheEnglishWordsAndTheFlowFilesTitles() {
        String json = GsonFactory.createSnakeCase().toJson(home("en").blocks("T1", "U1"));

        assertThat(json).contains("Your coaching space", "*Your goals*", " · due 2026-12-04",
                "Next check-in: 2026-12-07", "*Coming up*", "*Start a conversation*", "\"Start\"",
                "*GROW coaching session*", "Think something through.");
    }
}
