package dev.trellis.inbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The {@link Inbox} over MongoDB: an insert on the unique key {@code channel:eventId}, then the workers. */
@Component
class MongoInbox implements Inbox {

    private final MongoTemplate mongo;
    private final FreeTextCodec codec;
    private final InboxWorkers workers;
    private final Clock clock;
    private final AtomicLong lastSeq = new AtomicLong();

    MongoInbox(MongoTemplate mongo, FreeTextCodec codec, InboxWorkers workers, Clock clock) {
        this.mongo = mongo;
        this.codec = codec;
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
                        inbound.values(), inbound.meta(), now);
        Inbound sealed = received.withText(codec.seal(conversationId, inbound.text()));
        InboxDocument document = new InboxDocument(InboxDocument.key(inbound), conversationId, nextSeq(now), sealed,
                InboxDocument.Status.NEW, 0, null, null, now, null, null);
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException duplicate) {
            return Receipt.DUPLICATE;
        }
        workers.submit(document.id(), conversationId);
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
