package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ReflectionTest {

    private final Reflection reflection = new Reflection();

    @Test
    void personHearsTheirOwnWordsTurnedToYou() {
        String text = reflection.reflect("I want to lead my own team next year", 0);

        assertThat(text).contains("you want to lead your own team next year").doesNotContain(" my ").endsWith("?");
    }

    @Test
    void contractionsAndVerbAgreementFollowTheSwap() {
        assertThat(Reflection.toSecondPerson("I'm tired and I was stuck because I am alone with my work"))
                .isEqualTo("you're tired and you were stuck because you are alone with your work");
        assertThat(Reflection.toSecondPerson("We've lost our focus, it bothers me")).isEqualTo(
                "you've lost your focus, it bothers you");
    }

    @Test
    void fillersAreDroppedAndTheMostMeaningfulClauseIsKept() {
        String text = reflection.reflect("Well, um, it's fine I guess. But honestly I miss learning new technologies", 0);

        assertThat(text).contains("you miss learning new technologies").doesNotContain("honestly").doesNotContain("um");
    }

    @Test
    void nounPhraseGetsAWhatMattersFrame() {
        assertThat(reflection.reflect("More time with my kids", 0))
                .isEqualTo("So what matters to you is more time with your kids — did I get that right?");
    }

    @Test
    void somethingThePersonWantsToDoIsReflectedAsTheirIntention() {
        assertThat(reflection.reflect("Get promoted to senior engineer", 0))
                .isEqualTo("So what you want is to get promoted to senior engineer — did I get that right?");
    }

    @Test
    void aFragmentThatIsNeitherClauseNorIntentionIsQuotedSoItStaysGrammatical() {
        assertThat(reflection.reflect("Weekly check-ins, or feedback right after meetings", 0))
                .contains("\"Weekly check-ins, or feedback right after meetings\"");
    }

    @Test
    void aSentenceAboutSomeoneElseStaysASentence() {
        assertThat(reflection.reflect("My boss micromanages me and I hate it", 0))
                .isEqualTo("So your boss micromanages you and you hate it — did I get that right?");
        assertThat(reflection.reflect("Because I'm bored", 0)).contains("you're bored").doesNotContain("ecause");
    }

    @Test
    void longAnswersAreShortenedToAFewWords() {
        String answer = "I would really love to finally build the internal developer platform that the whole "
                + "engineering organisation keeps asking for since many years now";
        String phrase = Reflection.keyPhrase(answer);

        assertThat(phrase.split(" ")).hasSize(Reflection.MAX_WORDS);
        assertThat(phrase).endsWith("…");
    }

    @Test
    void framesVaryFromTurnToTurnButRepeatForTheSameTurn() {
        Set<String> texts = new HashSet<>();
        for (int turn = 0; turn < 4; turn++) {
            texts.add(reflection.reflect("I feel stuck in my role", turn));
        }
        assertThat(texts).hasSizeGreaterThan(2);
        assertThat(reflection.reflect("I feel stuck in my role", 7)).isEqualTo(reflection.reflect("I feel stuck in my role", 7));
        assertThat(texts).allSatisfy(text -> assertThat(text).contains("you feel stuck in your role"));
    }

    @Test
    void notKnowingIsMetWithAnInvitationToGuess() {
        assertThat(reflection.reflect("I don't know", 0)).contains("If you had to guess");
        assertThat(reflection.reflect("not sure really", 3)).contains("If you had to guess");
    }

    @Test
    void emptyAnswerAsksAgainInsteadOfReflectingNothing() {
        assertThat(reflection.reflect("   ", 0)).contains("didn't catch");
        assertThat(reflection.reflect(null, 0)).contains("didn't catch");
    }
}
