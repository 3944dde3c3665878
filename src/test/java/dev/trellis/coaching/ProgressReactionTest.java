package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.trellis.coaching.ProgressReaction.Trend;

class ProgressReactionTest {

    private final ProgressReaction reaction = new ProgressReaction();

    @Test
    void firstCheckInSetsABaseline() {
        assertThat(reaction.react(List.of(), 3).trend()).isEqualTo(Trend.FIRST);
    }

    @Test
    void progressGoingUpIsNoticedWithTheFigures() {
        ProgressReaction.Reaction up = reaction.react(List.of(2, 4), 6);

        assertThat(up.trend()).isEqualTo(Trend.UP);
        assertThat(up.from()).isEqualTo(4);
        assertThat(up.to()).isEqualTo(6);
        assertThat(up.messageKey()).isEqualTo("coaching.progress.up");
    }

    @Test
    void progressGoingDownIsMetWithCuriosity() {
        ProgressReaction.Reaction down = reaction.react(List.of(6), 4);

        assertThat(down.trend()).isEqualTo(Trend.DOWN);
        assertThat(down.messageKey()).isEqualTo("coaching.progress.down");
    }

    @Test
    void sameFigureTwiceIsAStallAndCountsHowLong() {
        ProgressReaction.Reaction twice = reaction.react(List.of(3, 5), 5);
        ProgressReaction.Reaction fourTimes = reaction.react(List.of(5, 5, 5), 5);

        assertThat(twice.trend()).isEqualTo(Trend.STALLED);
        assertThat(twice.stalledFor()).isEqualTo(2);
        assertThat(twice.messageKey()).isEqualTo("coaching.progress.stalled");
        assertThat(twice.values()).containsEntry("next", 6L);
        assertThat(fourTimes.stalledFor()).isEqualTo(4);
        assertThat(fourTimes.messageKey()).isEqualTo("coaching.progress.stalledLonger");
    }

    @Test
    void reachingTenIsCelebrated() {
        assertThat(reaction.react(List.of(8), 10).trend()).isEqualTo(Trend.FINISHED);
        assertThat(reaction.react(List.of(10), 10).trend()).isEqualTo(Trend.FINISHED);
    }

    @Test
    void figuresOutsideZeroToTenAreRefused() {
        assertThatThrownBy(() -> reaction.react(List.of(), 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reaction.react(List.of(-1), 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
