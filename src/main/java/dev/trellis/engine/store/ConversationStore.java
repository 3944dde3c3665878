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
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * MongoDB access for conversation documents. Whole-document writes go through {@link #save} (checked by
 * {@code @Version}); the outbox's delivery state is written by {@link OutboxStore} as field updates.
 */
@Component
class ConversationStore implements InitializingBean {

    private final MongoTemplate mongo;

    ConversationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Declares the indexes conversation queries rely on (the embedded server ignores non-unique ones). */
    @Override
    public void afterPropertiesSet() {
        var indexes = mongo.indexOps(ConversationDocument.class);
        indexes.createIndex(new Index().on("wakeAt", Sort.Direction.ASC).named("wakeAt"));
        // unique because _id is: it makes save's {_id, version} check an index lookup on the embedded server too
        indexes.createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique()
                .named("version"));
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
}
