package dev.trellis.engine.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * MongoDB access for conversation documents. A turn is written by {@link #write}: a new conversation is inserted, an
 * existing one changed by field updates conditional on its {@code version}; the outbox's delivery state and the
 * relay of effects are written by {@link OutboxStore}, also as field updates (which leave the version alone).
 */
@Component
class ConversationStore implements InitializingBean {

    private final MongoTemplate mongo;
    private final WakeTimes wakeTimes = new WakeTimes();

    ConversationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Declares the indexes conversation queries rely on (the embedded server ignores non-unique ones). */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ConversationDocument.class);
        indexes.createIndex(new Index().on("wakeAt", Sort.Direction.ASC).named("wakeAt"));
        // unique because _id is: it makes a turn's {_id, version} check an index lookup on the embedded server too
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("version"));
    }

    Optional<ConversationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConversationDocument.class));
    }

    /** Inserts a new conversation; {@link DuplicateKeyException} when another writer created it first. */
    ConversationDocument insert(ConversationDocument document) {
        return mongo.insert(document);
    }

    /**
     * Stores one turn. A new conversation ({@code turn.version()} null) is inserted. An existing one is changed only
     * if its version is still {@code turn.version()}: the turn's state and bookkeeping are set, its transcript
     * entries, messages and effects appended (the transcript and the recent event keys keep only their latest
     * {@code transcriptSize} and {@code recentEvents} entries), and the version goes up by one. Delivery state the
     * outbox wrote meanwhile is left as it is: a turn never writes back what it read of it.
     *
     * @throws DuplicateKeyException              another writer created the conversation first
     * @throws OptimisticLockingFailureException another turn was stored since {@code turn.version()} was read
     */
    void write(TurnWrite turn, int transcriptSize, int recentEvents) {
        ConversationDocument document = new ConversationDocument(turn.id(), turn.version(), turn.state(),
                turn.recipient(), turn.messages(), turn.transcript(), turn.lastSeq(), List.of(turn.eventKey()), null,
                null, turn.wakeAt(), turn.updatedAt(), turn.effects(), turn.lastEffect(), turn.personId());
        if (turn.version() == null) {
            insert(new ConversationDocument(document.id(), null, document.state(), document.recipient(),
                    document.pending(), last(document.transcript(), transcriptSize), document.lastSeq(),
                    document.recentEvents(), null, null, document.wakeAt(), document.updatedAt(), document.effects(),
                    document.lastEffect(), document.personId()));
            wakeTimes.set(turn.id(), turn.wakeAt());
            return;
        }
        // the stored form exactly as a whole-document write would have it (type hints of nested values included)
        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        Update update = new Update().set("version", turn.version() + 1).set("state", bson.get("state"))
                .set("recipient", bson.get("recipient")).set("personId", turn.personId()).set("lastSeq", turn.lastSeq())
                .set("lastEffect", turn.lastEffect()).set("wakeAt", turn.wakeAt()).set("updatedAt", turn.updatedAt());
        update.push("recentEvents").slice(-recentEvents).each(turn.eventKey());
        if (!turn.transcript().isEmpty()) {
            update.push("transcript").slice(-transcriptSize).each(bson.getList("transcript", Object.class).toArray());
        }
        if (!turn.messages().isEmpty()) {
            update.push("pending").each(bson.getList("pending", Object.class).toArray());
        }
        if (!turn.effects().isEmpty()) {
            update.push("effects").each(bson.getList("effects", Object.class).toArray());
        }
        // the collection's name, not the entity class: Spring would add a version increment of its own
        long matched = mongo.updateFirst(query(where("_id").is(turn.id()).and("version").is(turn.version())), update,
                ConversationDocument.COLLECTION).getMatchedCount();
        if (matched == 0) {
            throw new OptimisticLockingFailureException("Conversation " + turn.id() + " is no longer at version "
                    + turn.version());
        }
        wakeTimes.set(turn.id(), turn.wakeAt());
    }

    /**
     * One turn as it is written: what it sets, and what it adds to the conversation's lists, in order.
     *
     * @param version    the version the turn was computed from; null for a new conversation
     * @param eventKey   the inbox key of the event it applied
     * @param transcript its transcript entries
     * @param messages   its messages to deliver
     * @param effects    its effects to relay
     */
    record TurnWrite(String id, Long version, ConversationState state, Recipient recipient, String personId,
                     long lastSeq,
                     long lastEffect, Instant wakeAt, Instant updatedAt, String eventKey,
                     List<TranscriptEntry> transcript, List<PendingMessage> messages, List<StoredEffect> effects) {
    }

    private static <T> List<T> last(List<T> list, int size) {
        return list.size() <= size ? list : List.copyOf(list.subList(list.size() - size, list.size()));
    }

    /**
     * Conversations whose state wants a tick by {@code now}, earliest first. A query over all conversations: on a real
     * MongoDB it uses the {@code wakeAt} index, the embedded server reads every conversation to answer it.
     */
    List<Conversations.Wake> wakingBy(Instant now, int limit) {
        Query due = query(where("wakeAt").lte(now).and("recipient").ne(null)).with(Sort.by("wakeAt")).limit(limit);
        due.fields().include("recipient", "state.turn", "wakeAt");
        List<Document> found = mongo.find(due, Document.class, ConversationDocument.COLLECTION);
        found.forEach(doc -> wakeTimes.set(doc.getString("_id"), null)); // they get their tick now
        return found.stream().map(this::wake).toList();
    }

    /**
     * As {@link #wakingBy}, among the conversations this node wrote a wake time for: each is read by {@code _id}, so
     * the cost is the number due, not the number stored. A time another node moved since is taken as it is now.
     */
    List<Conversations.Wake> wakingByWrittenHere(Instant now, int limit) {
        List<Conversations.Wake> due = new ArrayList<>();
        for (String id : wakeTimes.takeDue(now, limit)) {
            Query one = query(where("_id").is(id));
            one.fields().include("recipient", "state.turn", "wakeAt");
            Document doc = mongo.findOne(one, Document.class, ConversationDocument.COLLECTION);
            Date wakeAt = doc == null ? null : doc.getDate("wakeAt");
            if (wakeAt == null || doc.get("recipient") == null) {
                continue;
            }
            if (wakeAt.toInstant().isAfter(now)) {
                wakeTimes.set(id, wakeAt.toInstant());
            } else {
                due.add(wake(doc));
            }
        }
        return due;
    }

    private Conversations.Wake wake(Document doc) {
        return new Conversations.Wake(mongo.getConverter().read(Recipient.class, doc.get("recipient", Document.class)),
                doc.get("state", Document.class).get("turn", Number.class).longValue());
    }
}
