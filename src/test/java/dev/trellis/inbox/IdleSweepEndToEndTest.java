package dev.trellis.inbox;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Time passing, end to end: the sweep turns due conversations into timer events that the engine acts on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "trellis.inbox.sweep-interval=1h")
class IdleSweepEndToEndTest {

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-25T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;
    @Autowired
    IdleSweep sweep;
    @Autowired
    Inbox inbox;
    @Autowired
    Conversations conversations;

    @Test
    void unansweredQuestionGetsItsTimeoutAndAQuietConversationIsClosedAsAbandoned() {
        String person = "sweep-" + System.nanoTime();
        String conversation = "web:w:" + person;
        inbox.accept(Inbound.command("web", "start-" + person, "w", person, person, "grow", clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "topic".equals(step(conversation)));

        sweep.sweep();
        assertThat(botSaid(conversation)).noneMatch(t -> t.startsWith("Still there?"));

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        sweep.sweep();
        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(conversation).stream()
                .anyMatch(t -> t.startsWith("Still there?")));
        assertThat(step(conversation)).isEqualTo("topic");

        clock.advance(Duration.ofDays(6));
        sweep.sweep();
        await().atMost(Duration.ofSeconds(20)).until(() -> conversations.state(conversation)
                .map(s -> s.status() == ConversationState.Status.ABANDONED).orElse(false));
        assertThat(botSaid(conversation)).last().asString().contains("quiet for a while");
    }

    /**
     * The frequent sweep reads only conversations whose wake time this node wrote, so it must still find every one a
     * turn here left waiting; and it hands each out once, not on every sweep until the tick is processed.
     */
    @Test
    void theFrequentSweepFindsAnUnansweredQuestionWrittenOnThisNodeOnce() {
        String person = "sweep-here-" + System.nanoTime();
        String conversation = "web:w:" + person;
        inbox.accept(Inbound.command("web", "start-" + person, "w", person, person, "grow", clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "topic".equals(step(conversation)));

        sweep.sweepWrittenHere();
        assertThat(botSaid(conversation)).noneMatch(t -> t.startsWith("Still there?"));

        clock.advance(Duration.ofDays(2).plusMinutes(1));
        assertThat(conversations.dueWrittenHere(clock.instant(), 1000))
                .filteredOn(wake -> wake.recipient().conversationId().equals(conversation)).hasSize(1);
        assertThat(conversations.dueWrittenHere(clock.instant(), 1000))
                .noneMatch(wake -> wake.recipient().conversationId().equals(conversation));
    }

    /** A wake time this node did not write (another node's, or one from before a restart): the full sweep finds it. */
    @Test
    void theFullSweepFindsAConversationThisNodeNeverWrote() {
        String person = "sweep-there-" + System.nanoTime();
        String conversation = "web:w:" + person;
        inbox.accept(Inbound.command("web", "start-" + person, "w", person, person, "grow", clock.instant()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "topic".equals(step(conversation)));
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        // as after a restart: this node's memory of the wake time is gone
        conversations.dueWrittenHere(clock.instant(), 100_000);

        sweep.sweepWrittenHere();
        assertThat(botSaid(conversation)).noneMatch(t -> t.startsWith("Still there?"));
        sweep.sweep();
        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(conversation).stream()
                .anyMatch(t -> t.startsWith("Still there?")));
    }

    private String step(String conversation) {
        return conversations.state(conversation).map(ConversationState::stepId).orElse(null);
    }

    private List<String> botSaid(String conversation) {
        return conversations.transcript(conversation).stream()
                .filter(e -> e.message() != null).map(e -> e.message().text()).toList();
    }
}
