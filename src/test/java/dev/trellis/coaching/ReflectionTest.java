package dev.trellis.coaching;

import static dev.trellis.coaching.Reflection.About.ANYTHING;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReflectionTest {

    private final Reflection reflection = new Reflection();

    private Reflection.Reply listen(String answer) {
        return reflection.listen(answer, ANYTHING, 0);
    }

    @Test
    void personHearsTheirOwnWordsTurnedToYou() {
        String text = reflection.reflect("I want to lead my own team next year", 0);

        assertThat(text).contains("you want to lead your own team next year").doesNotContain(" my ").endsWith("?");
    }

    @Test
    void aDotInsideAWordIsNotTheEndOfASentence() {
        assertThat(reflection.reflect("I want to ship v2.1 of the app, e.g. the new onboarding", 0))
                .contains("v2.1 of the app");
        assertThat(reflection.reflect("{{person.manager}} keeps moving our 1:1", 0))
                .contains("{{person.manager}} keeps moving our 1:1");
    }

    @Test
    void contractionsAndVerbAgreementFollowTheSwap() {
        assertThat(Pronouns.toSecondPerson("I'm tired and I was stuck because I am alone with my work"))
                .isEqualTo("you're tired and you were stuck because you are alone with your work");
        assertThat(Pronouns.toSecondPerson("We've lost our focus, it bothers me")).isEqualTo(
                "you've lost your focus, it bothers you");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nothing really", "Not much.", "n/a", "N/A", "idk", "no clue", "meh", "dunno",
            "I don't know", "not sure really", "honestly, no idea"})
    void answersWithNothingInThemGetAGentleProbeNotAParaphrase(String answer) {
        Reflection.Reply reply = listen(answer);

        assertThat(reply.paraphrase()).isFalse();
        assertThat(reply.text()).containsAnyOf("If there were one small thing", "If you had to guess")
                .doesNotContain(answer);
    }

    @Test
    void oneOrTwoWordsAreAnInvitationToSayMore() {
        assertThat(listen("Visibility").kind()).isEqualTo(Reflection.Kind.SAY_MORE);
        assertThat(listen("Visibility").text()).isEqualTo("Say a little more about \"Visibility\": what does it mean for you?");
        assertThat(listen("my manager").text()).contains("\"my manager\"");
    }

    @Test
    void aQuoteKeepsThePersonsExactWordsWithoutSwappingPronouns() {
        String text = listen("Weekly check-ins with my team, or feedback right after our meetings").text();

        assertThat(text).isEqualTo("So, in your words: \"Weekly check-ins with my team, or feedback right after our meetings\"");
    }

    @Test
    void aDilemmaIsQuotedAsThePersonAskedIt() {
        assertThat(listen("Should I stay in my team or take the lead role?").text())
                .isEqualTo("So you're weighing up: \"Should I stay in my team or take the lead role\"");
    }

    @Test
    void aFeelingWinsOverTheFacts() {
        assertThat(listen("We moved the launch to March because the vendor was late, and I feel tired of pushing it")
                .text()).isEqualTo("So you feel tired of pushing it");
        assertThat(listen("The team is great but I'm torn about the new role").text())
                .isEqualTo("So you're torn about the new role");
        assertThat(listen("The budget got approved. Should I take the lead?").text()).contains("Should I take the lead");
        assertThat(listen("Deadlines are fine; I'm just tired").text()).isEqualTo("So you're just tired");
    }

    @Test
    void aLongClauseIsCutWhereAPhraseEndsNeverInTheMiddle() {
        String text = listen("I would really love to finally build the internal developer platform that the whole "
                + "engineering organisation keeps asking for since many years now").text();

        assertThat(text).isEqualTo("So you would really love to finally build the internal developer platform");
        assertThat(text).doesNotContain("…");
    }

    @Test
    void aRamblingAnswerIsAskedWhatMattersMost() {
        Reflection.Reply reply = listen("Well so the thing is that the team was reorganised in spring and then my "
                + "manager left and the new one has a different style, and also we have a big migration going on, and "
                + "I have been on call a lot, and honestly I am not sure whether I should look for something else or "
                + "wait until things settle down a bit because I like the people");

        assertThat(reply.kind()).isEqualTo(Reflection.Kind.WHAT_MATTERS);
        assertThat(reply.text()).startsWith("There's a lot here.").endsWith("what matters most to you?")
                .contains("\"I am not sure whether I should look for something else or wait\"");
    }

    @Test
    void framesFitWhatWasAsked() {
        assertThat(reflection.listen("More time with my kids", Reflection.About.WISH, 0).text())
                .isEqualTo("So what you'd like is more time with your kids");
        assertThat(reflection.listen("My manager keeps changing priorities", Reflection.About.OBSTACLE, 0).text())
                .isEqualTo("So what gets in the way is that your manager keeps changing priorities");
        assertThat(reflection.listen("Leading the migration last spring", Reflection.About.EVENT, 0).text())
                .isEqualTo("So what stands out is leading the migration last spring");
        assertThat(reflection.listen("I realised that I need quiet time to think", Reflection.About.INSIGHT, 0).text())
                .isEqualTo("So what you've noticed is that you need quiet time to think");
    }

    @Test
    void textInAnotherLanguageIsQuotedAndNeverSwapped() {
        assertThat(listen("Ich möchte mehr Zeit mit meinem Team").text())
                .isEqualTo("So, in your words: \"Ich möchte mehr Zeit mit meinem Team\"");
        assertThat(listen("Je veux plus de temps pour mon équipe").text()).contains("\"Je veux plus de temps pour mon équipe\"");
        assertThat(Pronouns.english("I will ask my manager")).isTrue();
        assertThat(Pronouns.english("Ich will mehr Verantwortung")).isFalse();
    }

    @Test
    void aParaphraseCanBeSaidAsItIsOrCheckedWithThePerson() {
        Reflection.Reply reply = listen("More time with my kids");

        assertThat(reply.asStatement()).isEqualTo("So what matters to you is more time with your kids.");
        assertThat(reply.asQuestion()).isEqualTo("So what matters to you is more time with your kids — did I get that right?");
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
    void aSentenceAboutSomeoneElseStaysASentence() {
        assertThat(reflection.reflect("My boss micromanages me and I hate it", 0))
                .isEqualTo("So your boss micromanages you and you hate it — did I get that right?");
        assertThat(reflection.reflect("Because I'm bored", 0)).contains("you're bored").doesNotContain("ecause");
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
    void emptyAnswerAsksAgainInsteadOfReflectingNothing() {
        assertThat(reflection.reflect("   ", 0)).contains("didn't catch");
        assertThat(reflection.reflect(null, 0)).contains("didn't catch");
        assertThat(reflection.givesNothingToReflect("🙂")).isTrue();
    }
}
