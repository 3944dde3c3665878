package dev.trellis.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** People answer a choice by typing, around the label or with only part of it, far more often than tests did. */
class TypedChoiceTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of());
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(), PersonContext.NONE,
            Reflector.QUOTE);

    TypedChoiceTest() {
        flows.define("""
                id: when
                title: When
                steps:
                  - id: pick
                    choice:
                      text: "Shall I remind you?"
                      options:
                        - { value: week, label: "In a week" }
                        - { value: twoWeeks, label: "In two weeks" }
                        - { value: none, label: "No thanks, I'll start it myself" }
                        - { value: now, label: "Now" }
                        - { value: notNow, label: "Not now" }
                    save: when
                  - id: done
                    end: "Picked {{when}}."
                """);
    }

    private List<String> answer(String typed) {
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("when"), NOW);
        Turn turn = engine.apply(ANA, asked.state(), new Event.Said(typed), NOW);
        return turn.messages().stream().map(Outbound::text).toList();
    }

    @ParameterizedTest(name = "\"{0}\" picks {1}")
    @CsvSource(delimiter = '|', value = {
            "In two weeks             | twoWeeks",
            "in two weeks please      | twoWeeks",
            "two weeks                | twoWeeks",
            "IN A WEEK!               | week",
            "2.                       | twoWeeks",
            "#3                       | none",
            "no thanks                | none",
            "a week sounds good       | week",
            "make it two weeks        | twoWeeks",
            "hmm, not now             | notNow",
            "now is good              | now",
    })
    void aLabelTypedInWordsIsThatOption(String typed, String value) {
        assertThat(answer(typed)).contains("Picked " + value + ".");
    }

    @ParameterizedTest(name = "\"{0}\" is asked again")
    @CsvSource(delimiter = '|', value = {
            "weekly                      | no label holds it",
            "maybe at some point         | no label in it",
            "in a week or in two weeks   | two labels in it",
            "w                           | too little to go on",
    })
    void anAnswerThatFitsNoneOrSeveralIsAskedAgain(String typed, String why) {
        assertThat(answer(typed)).as(why).contains("Please pick one of the options (you can also type its number).")
                .noneMatch(text -> text.startsWith("Picked"));
    }

    @Test
    void typingTheLabelOfALaterButtonPicksItRatherThanPausing() {
        flows.define("""
                id: goal
                title: Goal
                steps:
                  - id: offer
                    choice:
                      text: "Shall we turn it into a goal?"
                      options:
                        - { value: set, label: "Set a first goal" }
                        - { value: later, label: "Later" }
                    save: offer
                  - id: done
                    end: "Picked {{offer}}."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW);
        Turn turn = engine.apply(ANA, asked.state(), new Event.Said("Later"), NOW);
        assertThat(turn.messages()).extracting(Outbound::text).contains("Picked later.");
        assertThat(turn.state().status()).isNotEqualTo(ConversationState.Status.PAUSED);
    }

    @Test
    void typingTheLaterLabelOfAYesNoQuestionAnswersNo() {
        flows.define("""
                id: offer
                title: Offer
                steps:
                  - id: offer
                    confirm: { text: "Shall we turn it into a goal?", yes: "Set a first goal", no: "Later" }
                    save: wants
                  - id: done
                    end: "Wants a goal: {{wants}}."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("offer"), NOW);
        Turn turn = engine.apply(ANA, asked.state(), new Event.Said("later"), NOW);
        assertThat(turn.messages()).extracting(Outbound::text).contains("Wants a goal: false.");
    }
}
