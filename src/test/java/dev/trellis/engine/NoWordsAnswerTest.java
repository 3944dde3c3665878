package dev.trellis.engine;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A dash or a few dots typed to a question is no answer, even where a short one would do. */
class NoWordsAnswerTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of());
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(), PersonContext.NONE,
            Reflector.QUOTE);

    NoWordsAnswerTest() {
        flows.define("""
                id: well
                title: Went well
                steps:
                  - id: well
                    ask: { text: "What went well?", validate: { minLength: 3 } }
                    save: well
                  - id: done
                    end: "Noted: {{well}}."
                """);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"-", ".", "...", ",", "—", "- -"})
    void punctuationAloneIsAskedForAgainAsNoAnswer(String typed) {
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("well"), NOW);
        Turn turn = engine.apply(ANA, asked.state(), new Event.Said(typed), NOW);
        assertThat(turn.messages()).extracting(Outbound::text)
                .contains(InlineFlows.MESSAGES.variants("en", "trellis.retry.empty").get(0))
                .doesNotContain("Noted: " + typed + ".");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ok!", "7.5", "👍👍"})
    void shortAnswersWithWordsFiguresOrEmojiAreNotNoAnswer(String typed) {
        flows.define("""
                id: any
                title: Any
                steps:
                  - id: any
                    ask: { text: "Anything?" }
                    save: any
                  - id: done
                    end: "Noted: {{any}}."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("any"), NOW);
        Turn turn = engine.apply(ANA, asked.state(), new Event.Said(typed), NOW);
        assertThat(turn.messages()).extracting(Outbound::text).contains("Noted: " + typed + ".");
    }
}
