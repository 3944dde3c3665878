package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;
import dev.trellis.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Effects are heard at least once (a node may stop after a listener ran and before the relay was recorded): hearing
 * the same effect again must not schedule anything twice, even when time moved on in between.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TimerEffectsTest {

    @Autowired
    Scheduler scheduler;
    @Autowired
    ReminderJournal journal;
    @Autowired
    PersonalTimes times;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));

    @Test
    void aWeeklyTimerHeardTwiceIsScheduledOnceAndNotMovedOn() throws Exception {
        TimerEffects listener = new TimerEffects(new Reminders(scheduler, journal, times, clock));
        String person = "twice-" + System.nanoTime();
        TurnEffect weekly = weekly("web:web:" + person + ":7", person);

        listener.on(weekly);
        List<Date> first = fireTimes(person);
        clock.advance(Duration.ofDays(8)); // the first occurrence has passed when the effect is heard again
        listener.on(weekly);

        assertThat(first).hasSize(1);
        assertThat(fireTimes(person)).isEqualTo(first);
    }

    @Test
    void aNewEffectForTheSameTimerMovesItAndLeavesNoOldOccurrenceBehind() throws Exception {
        TimerEffects listener = new TimerEffects(new Reminders(scheduler, journal, times, clock));
        String person = "again-" + System.nanoTime();

        listener.on(weekly("web:web:" + person + ":1", person));
        List<Date> first = fireTimes(person);
        clock.advance(Duration.ofDays(8));
        listener.on(weekly("web:web:" + person + ":2", person));

        assertThat(fireTimes(person)).hasSize(1).doesNotContain(first.get(0));
    }

    @Test
    void aCancelHeardTwiceRemovesTheTimerAndNothingElse() throws Exception {
        TimerEffects listener = new TimerEffects(new Reminders(scheduler, journal, times, clock));
        String person = "cancel-" + System.nanoTime();
        listener.on(weekly("web:web:" + person + ":1", person));
        TurnEffect cancel = new TurnEffect("web:web:" + person + ":2", "web:web:" + person, "web", person,
                new Turn.Effect.TimerCancelled("checkins"));

        listener.on(cancel);
        listener.on(cancel);

        assertThat(scheduler.checkExists(TimerData.jobKey(person, "checkins"))).isFalse();
    }

    private static TurnEffect weekly(String effectId, String person) {
        return new TurnEffect(effectId, "web:web:" + person, "web", person,
                new Turn.Effect.TimerSet("checkins", "goal-checkin", null, null, "weekly FRI 16:00", "UTC",
                        Map.of("goal", "g1")));
    }

    private List<Date> fireTimes(String person) throws Exception {
        JobKey job = TimerData.jobKey(person, "checkins");
        return scheduler.getTriggersOfJob(job).stream().map(Trigger::getNextFireTime).sorted().toList();
    }
}
