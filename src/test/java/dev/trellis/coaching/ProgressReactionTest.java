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
        assertThat(up.text()).contains("4 to 6").contains("What made the difference?");
    }

    @Test
    void progressGoingDownIsMetWithCuriosity() {
        ProgressReaction.Reaction down = reaction.react(List.of(6), 4);

        assertThat(down.trend()).isEqualTo(Trend.DOWN);
        assertThat(down.text()).contains("What got in the way?");
    }

    @Test
    void sameFigureTwiceIsAStallAndCountsHowLong() {
        ProgressReaction.Reaction twice = reaction.react(List.of(3, 5), 5);
        ProgressReaction.Reaction fourTimes = reaction.react(List.of(5, 5, 5), 5);

        assertThat(twice.trend()).isEqualTo(Trend.STALLED);
        assertThat(twice.stalledFor()).isEqualTo(2);
        assertThat(twice.text()).contains("same as last time").contains("make it a 6");
        assertThat(fourTimes.stalledFor()).isEqualTo(4);
        assertThat(fourTimes.text()).contains("4 check-ins in a row");
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
