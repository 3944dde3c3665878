package dev.trellis.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Turns time into events: a conversation waiting for a step timeout or its idle limit gets a timer event through
 * the inbox. The event id names the conversation's turn, so several nodes sweeping at once store it once, and a
 * conversation that moved on in the meantime gets a new one.
 *
 * <p>Every {@code sweep-interval} it looks at the conversations whose wake time this node wrote (read one by one, as
 * many as are due); every {@code full-sweep-interval}, and once soon after start, at all of them, for what was
 * written before a restart or lost on the way. The full sweep is a query over all conversations, which the embedded
 * MongoDB answers by reading each one: with 100,000 stored it kept the store busy for over 30 seconds on a loaded
 * 2-core machine (TurnLatencyBenchmark), which every other query waits out; twice a minute that was most of the time.
 */
@Component
class IdleSweep {

    private static final Logger log = LoggerFactory.getLogger(IdleSweep.class);
    private static final int BATCH = 500;

    private final Conversations conversations;
    private final Inbox inbox;
    private final Clock clock;

    IdleSweep(Conversations conversations, Inbox inbox, Clock clock) {
        this.conversations = conversations;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${trellis.inbox.sweep-interval:30s}",
            fixedDelayString = "${trellis.inbox.sweep-interval:30s}")
    void sweepWrittenHere() {
        Instant now = clock.instant();
        queue(conversations.dueWrittenHere(now, BATCH), now);
    }

    /** All conversations. */
    @Scheduled(initialDelayString = "${trellis.inbox.sweep-interval:30s}",
            fixedDelayString = "${trellis.inbox.full-sweep-interval:1h}")
    void sweep() {
        Instant now = clock.instant();
        queue(conversations.due(now, BATCH), now);
    }

    private void queue(List<Conversations.Wake> due, Instant now) {
        int queued = 0;
        for (Conversations.Wake wake : due) {
            if (inbox.accept(tick(wake, now)) == Inbox.Receipt.ACCEPTED) {
                queued++;
            }
        }
        if (queued > 0) {
            log.debug("Idle sweep queued {} tick(s)", queued);
        }
    }

    static Inbound tick(Conversations.Wake wake, Instant now) {
        Recipient to = wake.recipient();
        return new Inbound(to.channel(), "tick:" + to.conversationId() + ":" + wake.turn(), to.workspace(),
                to.userId(), Inbound.Place.PRIVATE, to.address(), Inbound.Kind.TIMER, null, null, List.of(),
                to.meta(), now);
    }
}
