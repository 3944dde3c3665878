package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * One workspace's pace on a clock the test moves: a reminder fan-out to thousands books slots on the workspace's bulk
 * schedule, and a reply to someone who just wrote goes out at once instead of after all of them.
 */
class ChannelPacerTest {

    private static final Instant DUE = Instant.parse("2026-12-07T09:00:00Z");

    /** One a second per channel (bursts of 3), 10 a second for the workspace, 8 of them for bulk. */
    private final ChannelPacer pacer = new ChannelPacer(1.0, 3, 10.0, 10, 0.8);

    @Test
    void replyIsNotQueuedBehindThousandsOfRemindersForTheSameWorkspace() {
        int sentAtOnce = 0;
        Duration longestWait = Duration.ZERO;
        for (int person = 0; person < 5_000; person++) {
            Duration wait = pacer.reserve("D" + person, DUE, true);
            if (wait.isZero()) {
                sentAtOnce++;
            } else if (wait.compareTo(longestWait) > 0) {
                longestWait = wait;
            }
        }
        assertThat(sentAtOnce).isEqualTo(1);
        assertThat(longestWait).isGreaterThan(Duration.ofMinutes(10)); // 5,000 at 8 a second

        assertThat(pacer.reserve("D-chatting", DUE.plusMillis(100))).isZero();
        assertThat(pacer.reserve("D-other", DUE.plusMillis(200))).isZero();
    }

    @Test
    void remindersGoOutOnTheirSlotsAtTheBulkPaceAndNeverAboveTheWorkspaceLimit() {
        Duration[] waits = new Duration[2_000];
        for (int person = 0; person < waits.length; person++) {
            waits[person] = pacer.reserve("D" + person, DUE, true);
        }
        // each one, asked again at its slot, goes out then
        int sentInFirstMinute = 0;
        for (int person = 0; person < waits.length; person++) {
            Instant slot = DUE.plus(waits[person]);
            assertThat(pacer.reserve("D" + person, slot, true)).as("person %d at its slot", person).isZero();
            if (slot.isBefore(DUE.plusSeconds(60))) {
                sentInFirstMinute++;
            }
        }
        assertThat(sentInFirstMinute).isBetween(470, 490); // 8 a second, not the workspace's 10
        assertThat(waits[1_999]).isBetween(Duration.ofMillis(249_000), Duration.ofMillis(250_000));
    }

    @Test
    void everyReplyDuringAFanOutGoesAtOnceAndRemindersKeepTheirPace() {
        for (int person = 0; person < 1_000; person++) {
            pacer.reserve("D" + person, DUE, true);
        }
        int replies = 0;
        int remindersSent = 0;
        int person = 0;
        // for ten seconds, every 50 ms: the reminders whose slot has come; every 500 ms a reply in a fresh conversation
        for (int tick = 0; tick < 200; tick++) {
            Instant now = DUE.plusMillis(50L * tick);
            while (person < 1_000 && pacer.reserve("D" + person, now, true).isZero()) {
                remindersSent++;
                person++;
            }
            if (tick % 10 == 5) {
                assertThat(pacer.reserve("R" + tick, now)).as("reply at tick %d", tick).isZero();
                replies++;
            }
        }
        assertThat(replies).isEqualTo(20);
        assertThat(remindersSent).isBetween(78, 82); // 8 a second: the fan-out is not slowed by them either
        assertThat(remindersSent + replies).isLessThanOrEqualTo(10 * 10 + 10); // the workspace limit, plus its burst
    }

    @Test
    void repliesBeyondTheWorkspaceLimitHoldTheFanOutBackNotTheOtherWayRound() {
        for (int person = 0; person < 1_000; person++) {
            pacer.reserve("D" + person, DUE, true);
        }
        int remindersSent = 0;
        int person = 0;
        int repliesSent = 0;
        for (int tick = 0; tick < 200; tick++) {
            Instant now = DUE.plusMillis(50L * tick);
            if (pacer.reserve("R" + tick, now).isZero()) { // 20 replies a second: more than the workspace allows
                repliesSent++;
            }
            while (person < 1_000 && pacer.reserve("D" + person, now, true).isZero()) {
                remindersSent++;
                person++;
            }
        }
        assertThat(repliesSent).isGreaterThanOrEqualTo(100); // all of the workspace's 10 a second
        assertThat(remindersSent).isLessThan(10);
    }

    @Test
    void theMessagesOfOneReminderTurnGoOutTogether() {
        for (int person = 0; person < 100; person++) {
            pacer.reserve("D" + person, DUE, true);
        }
        Duration wait = pacer.reserve("D50", DUE, true);
        Instant slot = DUE.plus(wait);
        assertThat(pacer.reserve("D50", slot, true)).isZero();
        assertThat(pacer.reserve("D50", slot.plusMillis(10), true)).as("the question after the greeting").isZero();
    }

    @Test
    void aReplyStillKeepsToTheChannelPace() {
        for (int i = 0; i < 3; i++) {
            assertThat(pacer.reserve("D1", DUE)).isZero();
        }
        assertThat(pacer.reserve("D1", DUE)).isEqualTo(Duration.ofSeconds(1));
    }
}
