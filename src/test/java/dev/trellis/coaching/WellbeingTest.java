package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WellbeingTest {

    private final Wellbeing wellbeing = new Wellbeing();

    @ParameterizedTest
    @ValueSource(strings = {"Honestly I'm burnt out", "I think I'm burned-out", "I can't cope with the workload",
            "feeling totally overwhelmed", "my lead keeps harassing me in standups", "I'm being bullied by a colleague",
            "I had two panic attacks this week", "Ich bin völlig ausgebrannt", "ich halte es nicht mehr aus"})
    void wordsOfDistressAreNoticed(String answer) {
        assertThat(wellbeing.assess(answer)).isEqualTo(Wellbeing.Level.DISTRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sometimes I think about self-harm", "I want to die", "I don't want to live like this",
            "thinking about killing myself", "Ich denke an Suizid"})
    void wordsOfSelfHarmAreUrgent(String answer) {
        assertThat(wellbeing.assess(answer)).isEqualTo(Wellbeing.Level.URGENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"I want to lead a team", "Busy but fine", "I'm not burnt out, just bored",
            "The release overwhelmed nobody, it went well? no: I'm not overwhelmed", "", "Deadline is Friday"})
    void ordinaryAnswersAreLeftAlone(String answer) {
        assertThat(wellbeing.assess(answer)).isEqualTo(Wellbeing.Level.NONE);
    }
}
