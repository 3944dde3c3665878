package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RecapTest {

    private final Recap recap = new Recap();

    @Test
    void recapListsEachAnswerInThePersonsOwnWordsInOrder() {
        String text = recap.summarise("Here's what we covered:", List.of(
                new Recap.Item("Goal", "Lead the platform migration"),
                new Recap.Item("Where you are", "Half the services moved"),
                new Recap.Item("Confidence", 7.0),
                new Recap.Item("Options", List.of("pair with Sam", "ask for budget"))));

        assertThat(text).isEqualTo("""
                Here's what we covered:
                • Goal: Lead the platform migration
                • Where you are: Half the services moved
                • Confidence: 7
                • Options: pair with Sam, ask for budget""");
    }

    @Test
    void skippedAnswersAreLeftOutAndNothingToRecapGivesEmptyText() {
        assertThat(recap.summarise("Recap:", List.of(new Recap.Item("Goal", "Ship it"), new Recap.Item("Obstacle", "  "),
                new Recap.Item("Note", null)))).isEqualTo("Recap:\n• Goal: Ship it");
        assertThat(recap.summarise("Recap:", List.of(new Recap.Item("Goal", "")))).isEmpty();
    }

    @Test
    void answersThatSayNothingAreLeftOutOfTheRecap() {
        assertThat(recap.summarise("Your feedback:", List.of(new Recap.Item("Impact", "The team went quiet"),
                new Recap.Item("Request", "meh"), new Recap.Item("Strengths", "idk tbh"),
                new Recap.Item("Keeping it theirs", "..."), new Recap.Item("Support", "n/a"))))
                .isEqualTo("Your feedback:\n• Impact: The team went quiet");
    }

    @Test
    void aDateReadsAsADateInThePersonsLanguage() {
        List<Recap.Item> items = List.of(new Recap.Item("When", "2026-12-01"));
        assertThat(recap.summarise("Your ask:", items, java.util.Locale.ENGLISH))
                .isEqualTo("Your ask:\n• When: Tue 1 Dec 2026");
        assertThat(recap.summarise("Deine Frage:", items, java.util.Locale.GERMAN))
                .isEqualTo("Deine Frage:\n• When: Di., 1. Dez. 2026");
    }

    @Test
    void longAnswersAreCutSoTheRecapStaysReadable() {
        String longAnswer = "word ".repeat(60);
        assertThat(recap.summarise("R", List.of(new Recap.Item("Goal", longAnswer))).split(" "))
                .hasSizeLessThanOrEqualTo(Recap.MAX_WORDS + 3);
    }

    @Test
    void aRamblingAnswerIsSummarisedToItsKeyClause() {
        String rambling = "Well, the reorg happened in spring and then the roadmap changed twice and the team lost two "
                + "people, but I want to lead the platform team next year";
        assertThat(recap.summarise("R", List.of(new Recap.Item("Goal", rambling))))
                .isEqualTo("R\n• Goal: I want to lead the platform team next year");
    }

    @Test
    void itemsComeFromPairsOrMapsAndAnythingElseIsRefusedWithItsPosition() {
        assertThat(Recap.items(List.of(List.of("Goal", "x"), Map.of("label", "Will", "value", "y"))))
                .containsExactly(new Recap.Item("Goal", "x"), new Recap.Item("Will", "y"));
        assertThatThrownBy(() -> Recap.items(List.of(List.of("Goal", "x"), "oops")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item 1");
    }
}
