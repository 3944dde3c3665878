package dev.trellis.coaching;

import static dev.trellis.coaching.Reflection.About.ANYTHING;
import static dev.trellis.coaching.Reflection.About.EVENT;
import static dev.trellis.coaching.Reflection.About.INSIGHT;
import static dev.trellis.coaching.Reflection.About.OBSTACLE;
import static dev.trellis.coaching.Reflection.About.WISH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real-sounding answers, as people type them into a coaching chat, and what Trellis gives back (first wording). A
 * coach read every line: a change to the rules shows up here as a changed reflection to read again.
 */
class ReflectionTableTest {

    private final Reflection reflection = new Reflection();

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("answers")
    void answerGetsTheReflectionACoachWouldGive(Reflection.About about, String answer, String expected) {
        assertThat(reflection.listen(answer, about, 0).asQuestion()).isEqualTo(expected);
    }

    static Stream<Arguments> answers() {
        return Stream.of(
                // a long answer's feeling is named without cutting the thought off at "whether"
                row(ANYTHING, "Mixed, honestly, I've been here four years and I like the people a lot, but the work has "
                                + "become very repetitive since the reorg and I'm not sure whether that is the job or just "
                                + "this year, and I keep wondering if I should move teams or even companies but I don't want "
                                + "to throw away what I've built",
                        "There's a lot here. I noticed you said \"the work has become very repetitive since the reorg\". "
                                + "Of all of it, what matters most to you?"),
                // a subject and a verb make a sentence, not a noun phrase: no "what you'd like is the team runs"
                row(WISH, "The team runs a release without me",
                        "So the team runs a release without you — did I get that right?"),
                row(INSIGHT, "Being seen matters more to me than I thought",
                        "So what you've noticed is that being seen matters more to you than you thought — did I get that right?"),
                row(ANYTHING, "The template is out, nobody has used it yet",
                        "So the template is out, nobody has used it yet — did I get that right?"),
                // an emoji alone is an answer to how someone feels: asked about, not "I didn't catch anything"
                row(ANYTHING, "😕", "Say a little more about \"😕\": what does it mean for you?"),
                // a question the person will ask someone is quoted as a question, not turned into an aim
                row(ANYTHING, "Do my retros end with actions ppl actually do?",
                        "So your question is \"Do my retros end with actions ppl actually do?\" — did I get that right?"),
                row(ANYTHING, "Should I stay or look elsewhere?",
                        "So you're weighing up: \"Should I stay or look elsewhere\" — did I get that right?"),
                // "no wait" says the person changed their mind; it is not part of what they said
                row(WISH, "no wait, staff engineer", "So what you're hoping for, in your words: \"staff engineer\" — did I get that right?"),
                row(ANYTHING, "no wait, she writes it and presents it to me",
                        "So she writes it and presents it to you — did I get that right?"),
                // "that" before "completely" is a pronoun, not the start of a clause: no cut at "want to lose"
                row(WISH, "I think leading a small team, maybe, although I also love the hands-on analytics work and "
                                + "I wouldn't want to lose that completely, so something where I guide others but still build things",
                        "So you also love the hands-on analytics work — did I get that right?"),
                row(ANYTHING, "I want to get better at giving feedback to my team",
                        "So you want to get better at giving feedback to your team — did I get that right?"),
                row(ANYTHING, "More time for deep work",
                        "So what matters to you is more time for deep work — did I get that right?"),
                row(ANYTHING, "honestly just tired",
                        "So you're just tired — did I get that right?"),
                row(ANYTHING, "Not sure",
                        "Not knowing yet is a fine place to start. If you had to guess, what would you say?"),
                row(ANYTHING, "nothing really",
                        "That's okay, nothing has to come to mind straight away. If there were one small thing, what might it be?"),
                row(ANYTHING, "Not much tbh",
                        "That's okay, nothing has to come to mind straight away. If there were one small thing, what might it be?"),
                row(ANYTHING, "n/a",
                        "That's okay, nothing has to come to mind straight away. If there were one small thing, what might it be?"),
                row(ANYTHING, "idk",
                        "Not knowing yet is a fine place to start. If you had to guess, what would you say?"),
                row(ANYTHING, "no clue",
                        "Not knowing yet is a fine place to start. If you had to guess, what would you say?"),
                row(ANYTHING, "meh",
                        "That's okay, nothing has to come to mind straight away. If there were one small thing, what might it be?"),
                row(ANYTHING, "Visibility.",
                        "Say a little more about \"Visibility\": what does it mean for you?"),
                row(ANYTHING, "my manager",
                        "Say a little more about \"my manager\": what does it mean for you?"),
                row(ANYTHING, "I'm torn between staying in my team and moving to platform",
                        "So you're torn between staying in your team and moving to platform — did I get that right?"),
                row(ANYTHING, "Should I ask for the promotion now or wait until after the reorg?",
                        "So you're weighing up: \"Should I ask for the promotion now or wait until after the reorg\" — did I get that right?"),
                row(ANYTHING, "We hit every deadline this quarter, but I feel completely drained",
                        "So you feel completely drained — did I get that right?"),
                row(ANYTHING, "Ich möchte mehr Verantwortung übernehmen",
                        "So, in your words: \"Ich möchte mehr Verantwortung übernehmen\" — did I get that right?"),
                row(ANYTHING, "Quiero aprender a liderar un equipo",
                        "So, in your words: \"Quiero aprender a liderar un equipo\" — did I get that right?"),
                row(ANYTHING, "Weekly check-ins, or feedback right after meetings",
                        "So, in your words: \"Weekly check-ins, or feedback right after meetings\" — did I get that right?"),
                row(ANYTHING, "It's been a rough month",
                        "So it's been a rough month — did I get that right?"),
                row(ANYTHING, "My boss micromanages me and I hate it",
                        "So your boss micromanages you and you hate it — did I get that right?"),
                row(ANYTHING, "People don't know what I work on",
                        "So people don't know what you work on — did I get that right?"),
                row(WISH, "To lead a small team by next summer",
                        "So you'd like to lead a small team by next summer — did I get that right?"),
                row(WISH, "A role where I can mentor juniors",
                        "So what you'd like is a role where you can mentor juniors — did I get that right?"),
                row(WISH, "Being trusted with bigger projects",
                        "So what you'd like is being trusted with bigger projects — did I get that right?"),
                row(WISH, "I'd love to speak at a conference",
                        "So you'd love to speak at a conference — did I get that right?"),
                row(WISH, "Get better at saying no",
                        "So you'd like to get better at saying no — did I get that right?"),
                row(WISH, "Honestly I just want my evenings back",
                        "So you just want your evenings back — did I get that right?"),
                row(OBSTACLE, "Too many meetings",
                        "So what gets in the way is too many meetings — did I get that right?"),
                row(OBSTACLE, "My manager keeps changing priorities every week",
                        "So what gets in the way is that your manager keeps changing priorities every week — did I get that right?"),
                row(OBSTACLE, "I'm afraid of looking stupid in front of senior people",
                        "So what gets in the way is that you're afraid of looking stupid in front of senior people — did I get that right?"),
                row(OBSTACLE, "No budget for training this year",
                        "So what gets in the way is no budget for training this year — did I get that right?"),
                row(OBSTACLE, "I keep saying yes to everything",
                        "So what gets in the way is that you keep saying yes to everything — did I get that right?"),
                row(OBSTACLE, "Finding the time",
                        "So what gets in the way is finding the time — did I get that right?"),
                row(EVENT, "Leading the data migration last spring",
                        "So what stands out is leading the data migration last spring — did I get that right?"),
                row(EVENT, "We shipped the new billing system on time and the customer called to thank us",
                        "So you shipped the new billing system on time — did I get that right?"),
                row(EVENT, "The reorg, when my whole team got split up",
                        "So what stands out is the reorg, when your whole team got split up — did I get that right?"),
                row(EVENT, "I presented to the board for the first time",
                        "So you presented to the board for the first time — did I get that right?"),
                row(INSIGHT, "I realised that I need quiet time to think",
                        "So what you've noticed is that you need quiet time to think — did I get that right?"),
                row(INSIGHT, "I learned that I work best with a clear deadline",
                        "So what you've noticed is that you work best with a clear deadline — did I get that right?"),
                row(INSIGHT, "Asking for help earlier",
                        "So what you take from it is asking for help earlier — did I get that right?"),
                row(INSIGHT, "That I enjoy teaching more than coding",
                        "So what you've noticed is that you enjoy teaching more than coding — did I get that right?"),
                row(INSIGHT, "People actually value my opinion",
                        "So what you've noticed is that people actually value your opinion — did I get that right?"),
                row(ANYTHING, "I would really love to finally build the internal developer platform that the whole engineering organisation keeps asking for since many years now",
                        "So you would really love to finally build the internal developer platform — did I get that right?"),
                row(ANYTHING, "Well so the thing is that the team was reorganised in spring and then my manager left and the new one has a different style, and also we have a big migration going on, and I have been on call a lot, and honestly I am not sure whether I should look for something else or wait until things settle down a bit because I like the people",
                        "There's a lot here. I noticed you said \"I am not sure whether I should look for something else or wait\". Of all of it, what matters most to you?"),
                row(ANYTHING, "To be honest, not sure whether to apply for the lead role",
                        "So you're not sure whether to apply for the lead role — did I get that right?"),
                row(ANYTHING, "Spot on",
                        "Say a little more about \"Spot on\": what does it mean for you?"),
                row(ANYTHING, "We need to hire two more people before Q2",
                        "So you need to hire two more people before Q2 — did I get that right?"));
    }

    private static Arguments row(Reflection.About about, String answer, String expected) {
        return Arguments.of(about, answer, expected);
    }
}
