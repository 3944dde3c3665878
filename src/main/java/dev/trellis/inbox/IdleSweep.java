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
    void sweep() {
        Instant now = clock.instant();
        List<Conversations.Wake> due = conversations.due(now, BATCH);
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
