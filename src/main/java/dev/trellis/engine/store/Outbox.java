package dev.trellis.engine.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers a conversation's pending messages in order through the channel's {@link OutboundChannel} and records
 * each result in the document. One sender at a time per conversation, across nodes (see {@link OutboxStore}); a
 * message the channel asks to retry later holds back the ones after it, and is tried again when its time comes
 * (a timer on this node; the poller on any node should this one stop). A channel that keeps answering "later" (an
 * outage) is retried for {@link OutboxProperties#deliveryBudget()}, then the message is marked failed, and tried
 * once more every {@link OutboxProperties#failedRescanInterval()} for a while.
 */
@Component
class Outbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /** Rounds per call: messages added while we were sending are sent too, but a busy conversation cannot pin us. */
    private static final int MAX_ROUNDS = 5;
    private static final int POLL_BATCH = 100;

    private final OutboxStore store;
    private final TextSealing sealing;
    private final Map<String, OutboundChannel> channels;
    private final ConversationProperties properties;
    private final OutboxProperties budget;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "outbox-timer");
        thread.setDaemon(true);
        return thread;
    });

    Outbox(OutboxStore store, TextSealing sealing, List<OutboundChannel> channels, ConversationProperties properties,
           OutboxProperties budget, OutboxMetrics metrics, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.channels = channels.stream().collect(Collectors.toMap(OutboundChannel::channel, Function.identity()));
        this.properties = properties;
        this.budget = budget;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Delivers what is due in conversation {@code id}; returns quietly when another sender holds it. */
    void deliver(String id) {
        deliver(id, false, false);
    }

    /** {@code listed}: the conversation is in {@code outboxDue}, and leaves it once nothing is left to send. */
    private void deliver(String id, boolean revive, boolean listed) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            String owner = UUID.randomUUID().toString();
            Optional<ConversationDocument> leased = store.lease(id, owner, now, now.plus(properties.sendLease()));
            if (leased.isEmpty()) {
                // another sender is at it; should it stop half-way, the poller looks again once its lease is over
                store.heldUntil(id).ifPresent(until -> store.dueAt(id, until, false));
                return;
            }
            try {
                if (revive) {
                    store.reviveFailed(id, owner, now.minus(budget.failedRetryWindow()), now);
                    revive = false;
                    leased = store.find(id);
                }
                if (leased.isPresent() && sendDue(leased.get(), owner)) {
                    listed = false; // listed again, for the failed-message rescan
                }
            } finally {
                store.release(id, owner);
            }
            Optional<Instant> next = store.find(id).flatMap(Outbox::nextTry);
            if (next.isEmpty()) {
                if (listed) {
                    store.notDue(id);
                }
                return;
            }
            if (next.get().isAfter(clock.instant())) {
                later(id, next.get());
                return;
            }
        }
        later(id, clock.instant());
    }

    /** Conversations whose next try is due, or whose failed messages may be tried again. */
    @Scheduled(initialDelay = 0, fixedDelayString = "${trellis.conversations.redelivery-interval:5s}")
    void redeliverDue() {
        for (OutboxStore.Due due : store.due(clock.instant(), POLL_BATCH)) {
            try {
                // stays listed, a lease later, in case this node stops half-way: another node's poller takes over
                store.dueAt(due.conversationId(), clock.instant().plus(properties.sendLease()), due.revive());
                deliver(due.conversationId(), due.revive(), true);
            } catch (RuntimeException e) {
                log.warn("Re-delivery failed for conversation {}", due.conversationId(), Redacted.of(e));
            }
        }
    }

    /** Tries conversation {@code id} again at {@code at}: here by a timer, anywhere by the poller. */
    private void later(String id, Instant at) {
        store.dueAt(id, at, false);
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        timers.schedule(() -> {
            try {
                deliver(id, false, true);
            } catch (RuntimeException e) {
                log.warn("Delivery failed for conversation {}; the poller tries again", id, Redacted.of(e));
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** Sends what is due in order; true when a message ran out of time (and the rescan will look again). */
    private boolean sendDue(ConversationDocument doc, String owner) {
        boolean ranOutOfTime = false;
        for (PendingMessage message : doc.pending()) {
            if (message.status() != PendingMessage.Status.PENDING) {
                continue;
            }
            if (!message.dueAt(clock.instant())) {
                break; // keeps the order: later messages wait for this one
            }
            // a message goes where it was addressed when its turn was stored, never where the conversation is now
            Recipient to = message.to() != null ? message.to() : doc.recipient();
            Sent sent = send(doc.id(), owner, to, message);
            ranOutOfTime |= sent == Sent.RAN_OUT_OF_TIME;
            if (sent == Sent.WAIT) {
                break;
            }
        }
        return ranOutOfTime;
    }

    /** What one try means for the messages after it. */
    private enum Sent { NEXT, WAIT, RAN_OUT_OF_TIME }

    /** Sends one message; WAIT when the messages after it must wait (or the lease was lost). */
    private Sent send(String id, String owner, Recipient recipient, PendingMessage message) {
        int attempt = message.attempts() + 1;
        Delivery delivery = attempt(recipient, id, message, attempt);
        Instant now = clock.instant();
        if (delivery instanceof Delivery.Sent sent) {
            metrics.delivered(Duration.between(message.since(), now));
            return store.markSent(id, owner, message.id(), attempt, sent.platformRef()) ? Sent.NEXT : Sent.WAIT;
        }
        if (delivery instanceof Delivery.Paced paced) {
            store.markRetry(id, owner, message.id(), message.attempts(), now.plus(paced.after()), message.failure());
            return Sent.WAIT;
        }
        if (delivery instanceof Delivery.RetryLater retry) {
            if (now.isBefore(message.since().plus(budget.deliveryBudget()))) {
                // once a try went unanswered, every later try looks for it first, until one gets through
                String reason = Delivery.UNCERTAIN.equals(message.failure()) ? Delivery.UNCERTAIN : retry.reason();
                store.markRetry(id, owner, message.id(), attempt, now.plus(retry.after()), reason);
                return Sent.WAIT;
            }
            log.warn("Message {} of conversation {} failed: still '{}' after {} ({} attempts)", message.id(), id,
                    retry.reason(), budget.deliveryBudget(), attempt);
            metrics.failed();
            boolean marked = store.markFailed(id, owner, message.id(), attempt, retry.reason(), true);
            store.dueAt(id, now.plus(budget.failedRescanInterval()), true);
            return marked ? Sent.RAN_OUT_OF_TIME : Sent.WAIT;
        }
        if (delivery instanceof Delivery.Failed failed) {
            log.warn("Message {} of conversation {} failed after {} attempt(s): {}", message.id(), id, attempt,
                    failed.reason());
            metrics.failed();
            return store.markFailed(id, owner, message.id(), attempt, failed.reason(), false) ? Sent.NEXT : Sent.WAIT;
        }
        throw new IllegalStateException("Unknown delivery outcome " + delivery.getClass().getName());
    }

    private Delivery attempt(Recipient recipient, String id, PendingMessage message, int attempt) {
        if (recipient == null) {
            return new Delivery.Failed("no recipient");
        }
        OutboundChannel channel = channels.get(recipient.channel());
        if (channel == null) {
            return new Delivery.Failed("no channel " + recipient.channel());
        }
        try {
            return channel.deliver(recipient, sealing.open(id, message.message()),
                    new OutboundChannel.Attempt(id + "/" + message.id(), attempt, message.since(),
                            message.failure(), message.isBulk()));
        } catch (RuntimeException e) {
            log.warn("Channel {} threw delivering message {} of conversation {}", recipient.channel(), message.id(),
                    id, Redacted.of(e));
            return new Delivery.RetryLater(backoff(message.attempts()), e.getClass().getSimpleName());
        }
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }

    /** When the first pending message may be tried; the ones after it wait for it. */
    private static Optional<Instant> nextTry(ConversationDocument doc) {
        return doc.pending().stream().filter(m -> m.status() == PendingMessage.Status.PENDING).findFirst()
                .map(PendingMessage::nextAttemptAt);
    }

    @Override
    public void destroy() {
        timers.shutdownNow();
    }
}
