package dev.trellis.engine.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Recipient;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * MongoDB access for conversation documents. Whole-document writes go through {@link #save} (checked by
 * {@code @Version}); the outbox's small updates bump the version too, so a turn computed on an older copy of the
 * document cannot overwrite them.
 */
@Component
class ConversationStore implements InitializingBean {

    private static final String VERSION = "version";

    private final MongoTemplate mongo;

    ConversationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Declares the indexes conversation queries rely on (the embedded server ignores non-unique ones). */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ConversationDocument.class);
        indexes.createIndex(new Index().on("wakeAt", Sort.Direction.ASC).named("wakeAt"));
        indexes.createIndex(new Index().on("pending.status", Sort.Direction.ASC)
                .on("pending.nextAttemptAt", Sort.Direction.ASC).named("pendingDue"));
    }

    Optional<ConversationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConversationDocument.class));
    }

    /**
     * Inserts a new document or replaces the stored one if its version is unchanged. Throws
     * {@link org.springframework.dao.OptimisticLockingFailureException} or
     * {@link org.springframework.dao.DuplicateKeyException} when another writer came first.
     */
    ConversationDocument save(ConversationDocument document) {
        return mongo.save(document);
    }

    /** Takes the conversation's outbox for one sender; empty when another sender holds it. */
    Optional<ConversationDocument> leaseOutbox(String id, Instant now, Instant until) {
        Query free = query(where("_id").is(id)
                .orOperator(where("sendLeaseUntil").is(null), where("sendLeaseUntil").lte(now)));
        Update lease = new Update().set("sendLeaseUntil", until).inc(VERSION, 1);
        return Optional.ofNullable(mongo.findAndModify(free, lease, FindAndModifyOptions.options().returnNew(true),
                ConversationDocument.class));
    }

    void releaseOutbox(String id) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().unset("sendLeaseUntil").inc(VERSION, 1),
                ConversationDocument.class);
    }

    void markSent(String id, String messageId, int attempts, String platformRef) {
        updateMessage(id, messageId, new Update().set("pending.$.status", PendingMessage.Status.SENT)
                .set("pending.$.attempts", attempts).set("pending.$.platformRef", platformRef));
    }

    void markFailed(String id, String messageId, int attempts, String failure) {
        updateMessage(id, messageId, new Update().set("pending.$.status", PendingMessage.Status.FAILED)
                .set("pending.$.attempts", attempts).set("pending.$.failure", failure));
    }

    void markRetry(String id, String messageId, int attempts, Instant nextAttemptAt) {
        updateMessage(id, messageId, new Update().set("pending.$.attempts", attempts)
                .set("pending.$.nextAttemptAt", nextAttemptAt));
    }

    /** Ids of conversations with a message waiting to be (re-)delivered by {@code now}. */
    List<String> withDueMessages(Instant now, int limit) {
        Query due = query(where("pending").elemMatch(
                where("status").is(PendingMessage.Status.PENDING).and("nextAttemptAt").lte(now))).limit(limit);
        due.fields().include("_id");
        return mongo.find(due, Document.class, ConversationDocument.COLLECTION).stream()
                .map(doc -> doc.getString("_id")).toList();
    }

    /** Conversations whose state wants a tick by {@code now}, earliest first. */
    List<Conversations.Wake> wakingBy(Instant now, int limit) {
        Query due = query(where("wakeAt").lte(now).and("recipient").ne(null)).with(Sort.by("wakeAt")).limit(limit);
        due.fields().include("recipient", "state.turn");
        return mongo.find(due, Document.class, ConversationDocument.COLLECTION).stream()
                .map(doc -> new Conversations.Wake(
                        mongo.getConverter().read(Recipient.class, doc.get("recipient", Document.class)),
                        doc.get("state", Document.class).get("turn", Number.class).longValue()))
                .toList();
    }

    private void updateMessage(String id, String messageId, Update update) {
        Criteria message = where("_id").is(id).and("pending.id").is(messageId);
        mongo.updateFirst(query(message), update.inc(VERSION, 1), ConversationDocument.class);
    }
}
