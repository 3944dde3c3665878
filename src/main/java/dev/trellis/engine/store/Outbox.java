package dev.trellis.engine.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers a conversation's pending messages in order through the channel's {@link OutboundChannel} and records
 * each result in the document. One sender at a time per conversation (a lease in the document, so this holds
 * across nodes); a message the channel asks to retry later holds back the ones after it. A poller picks up
 * messages whose retry is due and messages a crash or restart left undelivered.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** Rounds per call: messages added while we were sending are sent too, but a busy conversation cannot pin us. */
    private static final int MAX_ROUNDS = 5;
    private static final int POLL_BATCH = 100;

    private final ConversationStore store;
    private final TextSealing sealing;
    private final Map<String, OutboundChannel> channels;
    private final ConversationProperties properties;
    private final Clock clock;

    Outbox(ConversationStore store, TextSealing sealing, List<OutboundChannel> channels,
           ConversationProperties properties, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::channel, Function.identity()));
        this.properties = properties;
        this.clock = clock;
    }

    /** Delivers what is due in conversation {@code id}; returns quietly when another sender holds it. */
    void deliver(String id) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            Optional<ConversationDocument> leased = store.leaseOutbox(id, now, now.plus(properties.sendLease()));
            if (leased.isEmpty()) {
                return;
            }
            try {
                sendDue(leased.get(), now);
            } finally {
                store.releaseOutbox(id);
            }
            boolean more = store.find(id).map(doc -> hasDue(doc, clock.instant())).orElse(false);
            if (!more) {
                return;
            }
        }
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${trellis.conversations.redelivery-interval:5s}")
    void redeliverDue() {
        for (String id : store.withDueMessages(clock.instant(), POLL_BATCH)) {
            try {
                deliver(id);
            } catch (RuntimeException e) {
                log.warn("Re-delivery failed for conversation {}", id, Redacted.of(e));
            }
        }
    }

    private void sendDue(ConversationDocument doc, Instant now) {
        for (PendingMessage message : doc.pending()) {
            if (message.status() != PendingMessage.Status.PENDING) {
                continue;
            }
            if (!message.dueAt(now)) {
                return; // keeps the order: later messages wait for this one
            }
            // a message goes where it was addressed when its turn was stored, never where the conversation is now
            Recipient to = message.to() != null ? message.to() : doc.recipient();
            if (!send(doc.id(), to, message, now)) {
                return;
            }
        }
    }

    /** Sends one message; false when the messages after it must wait. */
    private boolean send(String id, Recipient recipient, PendingMessage message, Instant now) {
        int attempt = message.attempts() + 1;
        Delivery delivery = attempt(recipient, id, message);
        if (delivery instanceof Delivery.Sent sent) {
            store.markSent(id, message.id(), attempt, sent.platformRef());
            return true;
        }
        if (delivery instanceof Delivery.Paced paced) {
            store.markRetry(id, message.id(), message.attempts(), now.plus(paced.after()));
            return false;
        }
        if (delivery instanceof Delivery.RetryLater retry && attempt < properties.deliveryAttempts()) {
            store.markRetry(id, message.id(), attempt, now.plus(retry.after()));
            return false;
        }
        String reason = delivery instanceof Delivery.Failed failed ? failed.reason()
                : ((Delivery.RetryLater) delivery).reason();
        log.warn("Message {} of conversation {} failed after {} attempt(s): {}", message.id(), id, attempt, reason);
        store.markFailed(id, message.id(), attempt, reason);
        return true;
    }

    private Delivery attempt(Recipient recipient, String id, PendingMessage message) {
        if (recipient == null) {
            return new Delivery.Failed("no recipient");
        }
        OutboundChannel channel = channels.get(recipient.channel());
        if (channel == null) {
            return new Delivery.Failed("no channel " + recipient.channel());
        }
        try {
            return channel.deliver(recipient, sealing.open(id, message.message()));
        } catch (RuntimeException e) {
            log.warn("Channel {} threw delivering message {} of conversation {}", recipient.channel(), message.id(),
                    id, Redacted.of(e));
            return new Delivery.RetryLater(backoff(message.attempts()), e.getClass().getSimpleName());
        }
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }

    private static boolean hasDue(ConversationDocument doc, Instant now) {
        return doc.sendLeaseUntil() == null && doc.pending().stream().anyMatch(m -> m.dueAt(now));
    }
}
