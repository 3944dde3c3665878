package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A flow author's pattern cannot hold a worker: catastrophic backtracking stops at the time limit. */
class PatternCheckTest {

    @Test
    void catastrophicBacktrackingStopsAndCountsAsNotMatched() {
        String evil = "^(a+)+$";
        String input = "a".repeat(40) + "!"; // 2^40 ways to split the a's before the ! fails them all

        assertThat(PatternCheck.finds(evil, input, Duration.ofMillis(50))).isFalse();
    }

    @Test
    void ordinaryPatternsStillMatchAndMiss() {
        assertThat(PatternCheck.finds("^[A-Z]{2,4}-\\d+$", "JIRA-42", PatternCheck.LIMIT)).isTrue();
        assertThat(PatternCheck.finds("^[A-Z]{2,4}-\\d+$", "no ticket", PatternCheck.LIMIT)).isFalse();
    }
}
