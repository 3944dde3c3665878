package dev.trellis.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Redacted;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Processes stored inbound events: per conversation in receipt order, conversations in parallel. An event is
 * claimed in the store before it is worked on (so two nodes never both process it), handed to
 * {@link Conversations#handle}, and marked done. A failing event is retried a few times with growing pauses,
 * holding back only its own conversation, then marked failed. Events left unprocessed by a stop or a crash are
 * queued again at start-up and by a periodic rescan.
 */
@Component
class InboxWorkers implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InboxWorkers.class);
    private static final int RESCAN_BATCH = 500;

    private final MongoTemplate mongo;
    private final Conversations conversations;
    private final FreeTextCodec codec;
    private final InboxProperties properties;
    private final Clock clock;
    private final ConversationLanes lanes;
    private final String node = UUID.randomUUID().toString();

    InboxWorkers(MongoTemplate mongo, Conversations conversations, FreeTextCodec codec, InboxProperties properties,
                 Clock clock) {
        this.mongo = mongo;
        this.conversations = conversations;
        this.codec = codec;
        this.properties = properties;
        this.clock = clock;
        this.lanes = new ConversationLanes(properties.workers());
    }

    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(InboxDocument.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("unprocessed"));
        indexes.createIndex(new Index().on("conversationId", Sort.Direction.ASC).on("seq", Sort.Direction.ASC)
                .named("conversation"));
    }

    /** Queues event {@code id} behind the earlier events of its conversation. */
    void submit(String id, String conversationId) {
        if (properties.processing()) {
            lanes.submit(conversationId, () -> guarded(id, conversationId));
        }
    }

    /** When the store itself fails the event stays stored, and the rescan brings it back. */
    private CompletableFuture<Void> guarded(String id, String conversationId) {
        try {
            return process(id).exceptionally(failure -> storeFailed(id, conversationId, failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(storeFailed(id, conversationId, e));
        }
    }

    private Void storeFailed(String id, String conversationId, Throwable failure) {
        log.warn("Inbox event {} of conversation {} left for the rescan", id, conversationId, Redacted.of(failure));
        return null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnprocessed() {
        requeue(clock.instant());
    }

    @Scheduled(initialDelayString = "${trellis.inbox.rescan-interval:30s}",
            fixedDelayString = "${trellis.inbox.rescan-interval:30s}")
    void rescan() {
        Instant now = clock.instant();
        // events this node accepted recently are queued here already; only older ones may have been left behind
        requeue(now.minus(properties.rescanInterval()));
        mongo.remove(query(where("status").is(InboxDocument.Status.DONE)
                .and("processedAt").lt(now.minus(properties.keepDone()))), InboxDocument.class);
    }

    private void requeue(Instant acceptedBefore) {
        if (!properties.processing()) {
            return;
        }
        Criteria waiting = new Criteria().orOperator(
                where("status").is(InboxDocument.Status.NEW).and("acceptedAt").lt(acceptedBefore),
                where("status").is(InboxDocument.Status.PROCESSING).and("leaseUntil").lt(clock.instant()));
        Query unprocessed = query(waiting).with(Sort.by("seq")).limit(RESCAN_BATCH);
        unprocessed.fields().include("_id", "conversationId");
        var events = mongo.find(unprocessed, Document.class, InboxDocument.COLLECTION);
        if (!events.isEmpty()) {
            log.info("Resuming {} unprocessed inbox event(s)", events.size());
        }
        events.forEach(event -> submit(event.getString("_id"), event.getString("conversationId")));
    }

    private CompletableFuture<Void> process(String id) {
        InboxDocument event = claim(id);
        if (event == null) {
            return CompletableFuture.completedFuture(null); // done already, or another node has it
        }
        if (event.attempts() > properties.attempts()) {
            // taken over from nodes that stopped while working on it, again and again: do not try it once more
            log.warn("Inbox event {} of conversation {} abandoned after {} attempts", id, event.conversationId(),
                    properties.attempts());
            mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", InboxDocument.Status.FAILED)
                    .set("error", "abandoned").unset("owner").unset("leaseUntil"), InboxDocument.class);
            return CompletableFuture.completedFuture(null);
        }
        try {
            conversations.handle(open(event));
            mongo.updateFirst(query(where("_id").is(id)), new Update().set("status", InboxDocument.Status.DONE)
                    .set("processedAt", clock.instant()).unset("owner").unset("leaseUntil"), InboxDocument.class);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return failed(event, e);
        }
    }

    private CompletableFuture<Void> failed(InboxDocument event, RuntimeException e) {
        boolean last = event.attempts() >= properties.attempts();
        log.warn("Inbox event {} of conversation {} failed (attempt {} of {})", event.id(), event.conversationId(),
                event.attempts(), properties.attempts(), Redacted.of(e));
        Update update = new Update().set("status", last ? InboxDocument.Status.FAILED : InboxDocument.Status.NEW)
                .set("error", e.getClass().getName()).unset("owner").unset("leaseUntil");
        mongo.updateFirst(query(where("_id").is(event.id()).and("owner").is(node)), update, InboxDocument.class);
        if (last) {
            return CompletableFuture.completedFuture(null);
        }
        Duration pause = properties.retryBackoff().multipliedBy(1L << Math.min(event.attempts() - 1, 10));
        return lanes.after(pause).thenCompose(ignored -> process(event.id()));
    }

    /** Takes the event for this node if nobody is working on it; null when it is done or taken. */
    private InboxDocument claim(String id) {
        Instant now = clock.instant();
        Criteria free = where("_id").is(id).orOperator(
                where("status").is(InboxDocument.Status.NEW),
                where("status").is(InboxDocument.Status.PROCESSING).and("leaseUntil").lt(now));
        Update take = new Update().set("status", InboxDocument.Status.PROCESSING).set("owner", node)
                .set("leaseUntil", now.plus(properties.lease())).inc("attempts", 1);
        return mongo.findAndModify(query(free), take, FindAndModifyOptions.options().returnNew(true),
                InboxDocument.class);
    }

    private Inbound open(InboxDocument event) {
        Inbound stored = event.inbound();
        return stored.withText(codec.open(event.conversationId(), stored.text()));
    }

    @Override
    public void destroy() throws InterruptedException {
        lanes.close();
    }
}
