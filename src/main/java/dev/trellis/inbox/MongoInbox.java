package dev.trellis.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link Inbox} over MongoDB. The platform waits for this, so it is one write command and nothing else: two
 * upserts by {@code _id} in one ordered bulk, the event under its unique key {@code channel:eventId} (inserted only
 * when absent, which is the de-duplication) and its entry at the end of its conversation's lane, which fixes the
 * event's place in its conversation across nodes. Then the local workers are woken. Who the person is, whether they
 * erased their data and the turn itself are the workers' business. The text is sealed with the codec's transit key:
 * the key of the person who wrote it is not known on this path (see {@link InboxWorkers} for what happens to it
 * afterwards).
 *
 * <p>A repeated event is appended to its lane again (one command cannot make the second upsert depend on the
 * first); the worker finds it already processed and drops the entry. Should the lane upsert alone fail, the event is
 * stored all the same and the inbox scan queues it later.
 */
@Component
class MongoInbox implements Inbox {

    private static final Logger log = LoggerFactory.getLogger(MongoInbox.class);

    private final MongoTemplate mongo;
    private final FreeTextCodec codec;
    private final InboxLanes lanes;
    private final InboxWorkers workers;
    private final Clock clock;
    private final AtomicLong lastSeq = new AtomicLong();

    MongoInbox(MongoTemplate mongo, FreeTextCodec codec, InboxLanes lanes, InboxWorkers workers, Clock clock) {
        this.mongo = mongo;
        this.codec = codec;
        this.lanes = lanes;
        this.workers = workers;
        this.clock = clock;
    }

    @Override
    public Receipt accept(Inbound inbound) {
        requireId(inbound.channel(), "channel");
        requireId(inbound.eventId(), "eventId");
        requireId(inbound.workspace(), "workspace");
        requireId(inbound.userId(), "userId");
        if (inbound.kind() == null) {
            throw new IllegalArgumentException("An inbound event needs a kind");
        }
        Instant now = clock.instant();
        String conversationId = inbound.conversationId();
        Inbound received = inbound.receivedAt() != null ? inbound
                : new Inbound(inbound.channel(), inbound.eventId(), inbound.workspace(), inbound.userId(),
                        inbound.place(), inbound.address(), inbound.kind(), inbound.text(), inbound.controlId(),
                        inbound.values(), inbound.meta(), now, inbound.timer());
        // the person behind the event is resolved when it is processed, not here: a transit key seals the text
        String key = InboxDocument.key(inbound);
        Inbound sealed = received.withText(codec.sealInTransit(key, inbound.text()));
        InboxDocument document = new InboxDocument(key, conversationId, nextSeq(now), sealed,
                InboxDocument.Status.NEW, 0, now, null, null);
        Receipt receipt = store(document);
        // a repeat was appended too (see above): the worker drops it, so the lane does not wait for the rescan
        workers.wake(conversationId, inbound.kind() != Inbound.Kind.TIMER);
        return receipt;
    }

    private Receipt store(InboxDocument document) {
        Document event = new Document();
        mongo.getConverter().write(document, event);
        event.remove("_id");
        InboxLane.Entry entry = new InboxLane.Entry(document.id(), document.seq());
        Document append = InboxLanes.appendStatement(document.conversationId(), entry).getUpdateObject();
        UpdateOptions upsert = new UpdateOptions().upsert(true);
        List<UpdateOneModel<Document>> both = List.of(
                new UpdateOneModel<>(Filters.eq("_id", document.id()), new Document("$setOnInsert", event), upsert),
                new UpdateOneModel<>(Filters.eq("_id", InboxLane.idOf(document.conversationId())), append, upsert));
        // execute() translates the store's other failures; a failed statement is looked at here
        Object outcome = mongo.execute(InboxDocument.COLLECTION, collection -> {
            try {
                return collection.bulkWrite(both, new BulkWriteOptions().ordered(true));
            } catch (MongoBulkWriteException e) {
                return e;
            }
        });
        if (outcome instanceof MongoBulkWriteException failed) {
            return afterFailedStatement(document, entry, failed);
        }
        return ((BulkWriteResult) outcome).getUpserts().stream().anyMatch(upserted -> upserted.getIndex() == 0)
                ? Receipt.ACCEPTED : Receipt.DUPLICATE;
    }

    /** A real MongoDB may let concurrent upserts of one {@code _id} race; the loser fails with a duplicate key. */
    private Receipt afterFailedStatement(InboxDocument document, InboxLane.Entry entry, MongoBulkWriteException e) {
        BulkWriteError error = e.getWriteErrors().get(0);
        if (error.getIndex() == 0) {
            if (error.getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Receipt.DUPLICATE; // the same event, stored at the same moment by another request
            }
            throw e;
        }
        try {
            lanes.append(document.conversationId(), entry);
        } catch (RuntimeException again) {
            log.warn("Inbox event {} stored but not queued; the inbox scan will queue it", document.id(),
                    Redacted.of(again));
        }
        return Receipt.ACCEPTED;
    }

    /** Receipt order: microseconds since the epoch, strictly increasing on this node. */
    private long nextSeq(Instant now) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return lastSeq.updateAndGet(last -> Math.max(last + 1, micros));
    }

    private static void requireId(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An inbound event needs a " + name);
        }
    }
}
