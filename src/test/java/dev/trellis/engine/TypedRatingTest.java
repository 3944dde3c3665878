package dev.trellis.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A rating is typed with words around it far more often than as a bare number. */
class TypedRatingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of());
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(), PersonContext.NONE,
            Reflector.QUOTE);

    TypedRatingTest() {
        flows.define("""
                id: rate
                title: Rate
                steps:
                  - id: now
                    scale: { text: "How much does your role give you?", min: 1, max: 10 }
                    save: now
                  - id: done
                    end: "Rated {{now}}."
                """);
    }

    private List<String> answer(String typed, String locale) {
        Engine.Subject subject = new Engine.Subject("web:w:ana", "web", "person-ana");
        ConversationState idle = ConversationState.idle(new ConversationState.Profile("Ana", locale, "UTC"));
        ConversationState asked = engine.apply(subject, idle, new Event.Command("rate"), NOW).state();
        return engine.apply(subject, asked, new Event.Said(typed), NOW).messages().stream().map(Outbound::text)
                .toList();
    }

    @ParameterizedTest(name = "\"{0}\" ({1}) is {2}")
    @CsvSource(delimiter = '|', value = {
            "7                     | en | 7",
            "7/10                  | en | 7",
            "about a 3 I guess     | en | 3",
            "seven out of ten      | en | 7",
            "hmm, maybe a six?     | en | 6",
            "8 out of 10 honestly  | en | 8",
            "sechs                 | de | 6",
            "so etwa 4 von 10      | de | 4",
    })
    void aRatingInWordsIsThatNumber(String typed, String locale, int value) {
        assertThat(answer(typed, locale)).contains("Rated " + value + ".");
    }

    @ParameterizedTest(name = "\"{0}\" is asked again")
    @CsvSource(delimiter = '|', value = {
            "3 or 4             | two numbers",
            "pretty good        | no number",
            "11                 | above the scale",
            "6.5                | not a whole number",
    })
    void aRatingThatIsNotOneNumberOnTheScaleIsAskedAgain(String typed, String why) {
        assertThat(answer(typed, "en")).as(why).noneMatch(text -> text.startsWith("Rated"));
    }
}
