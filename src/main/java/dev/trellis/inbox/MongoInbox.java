package dev.trellis.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Redacted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The {@link Inbox} over MongoDB: an insert on the unique key {@code channel:eventId}, then the event's entry at the
 * end of its conversation's lane (an update by {@code _id}), then the workers. Two writes, both index lookups; the
 * second one is what fixes the event's place in its conversation across nodes. Should it fail, the event is stored
 * all the same and the inbox scan queues it later.
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
        Inbound sealed = received.withText(codec.seal(conversationId, inbound.text()));
        InboxDocument document = new InboxDocument(InboxDocument.key(inbound), conversationId, nextSeq(now), sealed,
                InboxDocument.Status.NEW, 0, now, null, null);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException duplicate) {
            return Receipt.DUPLICATE;
        }
        try {
            lanes.append(conversationId, new InboxLane.Entry(document.id(), document.seq()));
        } catch (RuntimeException e) {
            log.warn("Inbox event {} stored but not queued; the inbox scan will queue it", document.id(),
                    Redacted.of(e));
            return Receipt.ACCEPTED;
        }
        workers.wake(conversationId, inbound.kind() != Inbound.Kind.TIMER);
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
