package dev.trellis.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.ErasedEvents;
import dev.trellis.engine.FailedEvents;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Processes stored inbound events: per conversation in the order the store received them, conversations in
 * parallel, on any number of nodes. A node works on a conversation only while it holds the conversation's
 * {@link InboxLane} (a lease with an owner token, in the store) and only on the lane's head. The event is handed to
 * {@link Conversations#handle} and marked done; a failing event keeps its place and is retried with growing pauses
 * (holding back only its own conversation), then marked failed and the person told. When a node dies mid-event its
 * lease runs out and another node takes the lane over; the conversation ignores an event it already applied, so the
 * takeover repeats nothing the person would see twice.
 *
 * <p>The text of a stored event is sealed with the codec's short-lived transit key (the person is unknown when the
 * platform is acknowledged). Once the conversation took the event in, the text lives on in the transcript under the
 * person's own key, so the done event keeps none; a failed event keeps it re-sealed under the person's key (so their
 * erasure covers it), or none when that cannot be done.
 */
@Component
class InboxWorkers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);

    /** Events taken from one lane before other conversations get a turn on this thread. */
    private static final int ROUNDS = 20;

    private final MongoTemplate mongo;
    private final InboxLanes lanes;
    private final Conversations conversations;
    private final FailedEvents failedEvents;
    private final FreeTextCodec codec;
    private final PersonDirectory people;
    private final InboxProperties properties;
    private final InboxMetrics metrics;
    private final Clock clock;
    private final ConversationLanes local;
    private final ErasedEvents erased;

    InboxWorkers(MongoTemplate mongo, InboxLanes lanes, Conversations conversations, FailedEvents failedEvents,
                 FreeTextCodec codec, PersonDirectory people, InboxProperties properties, InboxMetrics metrics,
                 Clock clock, ObjectProvider<ErasedEvents> erased) {
        this.mongo = mongo;
        this.lanes = lanes;
        this.conversations = conversations;
        this.failedEvents = failedEvents;
        this.codec = codec;
        this.people = people;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.local = new ConversationLanes(properties.workers());
        this.erased = erased.getIfAvailable(() -> ErasedEvents.NONE);
    }

    /**
     * Works through conversation {@code conversationId}'s lane on this node, unless another node holds it, behind the
     * work of people who just did something (rescans, retries, timers).
     */
    void wake(String conversationId) {
        wake(conversationId, false);
    }

    /**
     * As {@link #wake(String)}; {@code reply} when someone just wrote or clicked: their turn starts before the timer
     * events waiting for a thread, so a reminder fan-out of thousands does not keep them waiting.
     */
    void wake(String conversationId, boolean reply) {
        if (properties.processing()) {
            local.submit(conversationId, reply, () -> drive(conversationId, reply));
        }
    }

    /** When the store itself fails, the lane stays stored and the rescan brings it back. */
    private CompletableFuture<Void> drive(String conversationId, boolean reply) {
        try {
            for (int round = 0; round < ROUNDS; round++) {
                if (!step(conversationId)) {
                    return CompletableFuture.completedFuture(null);
                }
            }
            wake(conversationId, reply); // more to do: queue behind the conversations that waited meanwhile
        } catch (RuntimeException e) {
            log.warn("Inbox lane of conversation {} left for the rescan", conversationId, Redacted.of(e));
        }
        return CompletableFuture.completedFuture(null);
    }

    /** One event of the lane, if one can be taken now; false when there is nothing (more) to do here. */
    private boolean step(String conversationId) {
        Instant now = clock.instant();
        InboxLane lane = lanes.find(conversationId).orElse(null);
        if (lane == null) {
            return false;
        }
        if (lane.queue().isEmpty()) {
            return !lanes.removeIfEmpty(lane); // an event appended meanwhile: look again
        }
        if (lane.heldAt(now)) {
            return false; // another node (or this one, a moment ago) has it; the rescan looks again after the lease
        }
        if (lane.waitingAt(now)) {
            wakeAt(conversationId, lane.notBefore());
            return false;
        }
        String owner = UUID.randomUUID().toString();
        Optional<InboxLane> claimed = lanes.claim(lane, owner, now.plus(properties.lease()));
        if (claimed.isEmpty()) {
            return true; // changed since we read it: read it again
        }
        work(claimed.get(), owner);
        return true;
    }

    private void work(InboxLane held, String owner) {
        InboxLane.Entry head = held.head().orElseThrow();
        InboxDocument event = mongo.findById(head.key(), InboxDocument.class);
        if (event == null || event.status() != InboxDocument.Status.NEW) {
            lanes.finish(held.conversationId(), owner, head); // finished by a node whose lease ran out, or removed
            return;
        }
        if (erased.erased(event.inbound())) {
            // a late retry or an event caught by its sender's erasure: processing it would recreate the person
            mongo.remove(query(where("_id").is(event.id())), InboxDocument.class);
            lanes.finish(held.conversationId(), owner, head);
            log.info("Inbox event {} dropped: its sender's data was erased", event.id());
            return;
        }
        int attempt = held.headAttempts();
        if (attempt > properties.attempts()) {
            // taken over from nodes that stopped while working on it, again and again: do not try it once more
            log.warn("Inbox event {} of conversation {} abandoned after {} attempts", event.id(),
                    event.conversationId(), properties.attempts());
            giveUp(event, attempt, "abandoned", held, owner);
            return;
        }
        Instant started = clock.instant();
        try {
            conversations.handle(open(event));
        } catch (RuntimeException e) {
            failed(event, attempt, e, held, owner);
            return;
        }
        Instant done = clock.instant();
        metrics.turn(Duration.between(started, done), Duration.between(event.acceptedAt(), done));
        mongo.updateFirst(query(where("_id").is(event.id())), new Update().set("status", InboxDocument.Status.DONE)
                .set("processedAt", done).set("attempts", attempt).unset("inbound.text"), InboxDocument.class);
        lanes.finish(held.conversationId(), owner, head);
    }

    private void failed(InboxDocument event, int attempt, RuntimeException e, InboxLane held, String owner) {
        log.warn("Inbox event {} of conversation {} failed (attempt {} of {})", event.id(), event.conversationId(),
                attempt, properties.attempts(), Redacted.of(e));
        if (attempt >= properties.attempts()) {
            giveUp(event, attempt, e.getClass().getName(), held, owner);
            return;
        }
        mongo.updateFirst(query(where("_id").is(event.id())), new Update().set("attempts", attempt)
                .set("error", e.getClass().getName()), InboxDocument.class);
        Duration pause = properties.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 10));
        Instant retryAt = clock.instant().plus(pause);
        if (lanes.retryLater(held.conversationId(), owner, retryAt)) {
            wakeAt(held.conversationId(), retryAt);
        }
    }

    /** Marks the event failed, lets the lane move on to the next event and apologises to the person. */
    private void giveUp(InboxDocument event, int attempt, String error, InboxLane held, String owner) {
        Update failed = new Update().set("status", InboxDocument.Status.FAILED).set("attempts", attempt)
                .set("error", error).set("processedAt", clock.instant());
        String kept = underPersonKey(event);
        mongo.updateFirst(query(where("_id").is(event.id())),
                kept == null ? failed.unset("inbound.text") : failed.set("inbound.text", kept), InboxDocument.class);
        metrics.failed();
        try {
            // the apology needs where to go, not what was said (which may be what could not be read)
            failedEvents.gaveUp(event.inbound().withText(null));
        } catch (RuntimeException e) {
            log.warn("Apology for inbox event {} of conversation {} not stored", event.id(), event.conversationId(),
                    Redacted.of(e));
        }
        lanes.finish(held.conversationId(), owner, held.head().orElseThrow());
    }

    private void wakeAt(String conversationId, Instant at) {
        Duration delay = Duration.between(clock.instant(), at);
        local.after(delay.isNegative() ? Duration.ZERO : delay).thenRun(() -> wake(conversationId));
    }

    private Inbound open(InboxDocument event) {
        Inbound stored = event.inbound();
        return stored.withText(codec.openInTransit(event.id(), stored.text()));
    }

    /** The failed event's text under its person's key; null when there is none, or it cannot be read or re-sealed. */
    private String underPersonKey(InboxDocument event) {
        if (event.inbound().text() == null) {
            return null;
        }
        try {
            return people.find(event.inbound().identity())
                    .map(personId -> codec.seal(personId, open(event).text()))
                    .orElse(null);
        } catch (RuntimeException e) {
            log.info("Text of failed inbox event {} dropped: it cannot be kept readable", event.id(), Redacted.of(e));
            return null;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        local.close();
    }
}
