package dev.trellis.engine.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * The outbox's writes, for messages and for effects to relay. A conversation's outbox is held by one sender at a time: {@code sendOwner} (a token new for
 * every lease) until {@code sendLeaseUntil}. Releasing and recording a delivery are conditional on the token, so a
 * sender whose lease ran out and was taken over changes nothing. Delivery state is written as field updates of the
 * pending entries that leave {@code version} alone: a delivery never makes a turn that is being computed start over.
 * Every query is by {@code _id}, or by {@code _id} and {@code sendOwner} (a unique index), so it is an index lookup
 * on the embedded server too.
 *
 * <p>Conversations with a message waiting for a later try are listed in the small {@code outboxDue} collection,
 * which the poller reads instead of scanning every conversation.
 */
@Component
class OutboxStore implements InitializingBean {

    static final String DUE = "outboxDue";
    /**
     * Updates name the collection, not the entity class: Spring would add a {@code version} increment to any update
     * of a versioned entity, and these must leave it alone. Field names are therefore the stored ones ({@code _id}).
     */
    private static final String CONVERSATIONS = ConversationDocument.COLLECTION;

    private final MongoTemplate mongo;

    OutboxStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // unique because _id is: it exists so that the owner-conditional updates below are index lookups
        mongo.indexOps(ConversationDocument.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("sendOwner", Sort.Direction.ASC).unique().named("sendOwner"));
    }

    /**
     * Takes the conversation's outbox for {@code owner}; empty when another sender holds it (or no document). When a
     * later turn left something to deliver, the same write clears out what is finished, so the document does not
     * grow with every turn: messages sent, messages failed for good (or failed longer ago than {@code failedBefore},
     * too old for the rescan) and effects given up.
     */
    Optional<ConversationDocument> lease(String id, String owner, Instant now, Instant until, Instant failedBefore) {
        ConversationDocument seen = mongo.findById(id, ConversationDocument.class);
        if (seen == null || seen.sendOwner() != null && seen.sendLeaseUntil() != null
                && seen.sendLeaseUntil().isAfter(now)) {
            return Optional.empty();
        }
        String failed = PendingMessage.Status.FAILED.name();
        Update take = new Update().set("sendOwner", owner).set("sendLeaseUntil", until);
        // only when there is something new to deliver (a later turn's): the last turn's delivered messages stay
        // visible with their platform references until then
        boolean work = seen.pending().stream().anyMatch(m -> m.status() == PendingMessage.Status.PENDING)
                || seen.effects().stream().anyMatch(e -> e.status() == StoredEffect.Status.PENDING);
        if (work && seen.pending().stream().anyMatch(m -> m.status() != PendingMessage.Status.PENDING)) {
            take.pull("pending", new Document("$or", List.of(
                    new Document("status", PendingMessage.Status.SENT.name()),
                    new Document("status", failed).append("retryable", new Document("$ne", true)),
                    new Document("status", failed).append("createdAt", new Document("$lt", failedBefore)))));
        }
        if (seen.effects().stream().anyMatch(e -> e.status() == StoredEffect.Status.FAILED)) {
            take.pull("effects", new Document("status", StoredEffect.Status.FAILED.name()));
        }
        Document leased = mongo.findAndModify(heldBy(id, seen.sendOwner()), take,
                FindAndModifyOptions.options().returnNew(true), Document.class, ConversationDocument.COLLECTION);
        return Optional.ofNullable(leased).map(doc -> mongo.getConverter().read(ConversationDocument.class, doc));
    }

    Optional<ConversationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConversationDocument.class));
    }

    /** Until when another sender holds the outbox; empty when nobody does or there is no such conversation. */
    Optional<Instant> heldUntil(String id) {
        return find(id).filter(doc -> doc.sendOwner() != null).map(ConversationDocument::sendLeaseUntil);
    }

    void release(String id, String owner) {
        mongo.updateFirst(heldBy(id, owner), new Update().unset("sendOwner").unset("sendLeaseUntil"), CONVERSATIONS);
    }

    /** Adds a message at the end of the conversation's outbox; false when there is no such conversation. */
    boolean append(String id, PendingMessage message) {
        return mongo.updateFirst(query(where("_id").is(id)), new Update().push("pending", message), CONVERSATIONS)
                .getMatchedCount() == 1;
    }

    boolean markSent(String id, String owner, String messageId, int attempts, String platformRef) {
        return updateMessage(id, owner, messageId, new Update().set("pending.$[m].status", PendingMessage.Status.SENT.name())
                .set("pending.$[m].attempts", attempts).set("pending.$[m].platformRef", platformRef));
    }

    boolean markFailed(String id, String owner, String messageId, int attempts, String failure, boolean retryable) {
        return updateMessage(id, owner, messageId, new Update()
                .set("pending.$[m].status", PendingMessage.Status.FAILED.name()).set("pending.$[m].attempts", attempts)
                .set("pending.$[m].failure", failure).set("pending.$[m].retryable", retryable));
    }

    boolean markRetry(String id, String owner, String messageId, int attempts, Instant nextAttemptAt,
                      String failure) {
        return updateMessage(id, owner, messageId, new Update().set("pending.$[m].attempts", attempts)
                .set("pending.$[m].nextAttemptAt", nextAttemptAt).set("pending.$[m].failure", failure));
    }

    /** The effect was relayed: it leaves the document. False when the lease was lost (the new holder relays it). */
    boolean effectRelayed(String id, String owner, String effectId) {
        return mongo.updateFirst(heldBy(id, owner), new Update().pull("effects", new Document("_id", effectId)),
                CONVERSATIONS).getMatchedCount() == 1;
    }

    boolean markEffectRetry(String id, String owner, String effectId, int attempts, Instant nextAttemptAt,
                            String failure) {
        return updateEffect(id, owner, effectId, new Update().set("effects.$[e].attempts", attempts)
                .set("effects.$[e].nextAttemptAt", nextAttemptAt).set("effects.$[e].failure", failure));
    }

    boolean markEffectFailed(String id, String owner, String effectId, int attempts, String failure) {
        return updateEffect(id, owner, effectId, new Update()
                .set("effects.$[e].status", StoredEffect.Status.FAILED.name()).set("effects.$[e].attempts", attempts)
                .set("effects.$[e].failure", failure));
    }

    /** Puts messages that ran out of time back in line for one more try (the outage may be over). */
    void reviveFailed(String id, String owner, Instant createdAfter, Instant now) {
        mongo.updateFirst(heldBy(id, owner), new Update().set("pending.$[m].status", PendingMessage.Status.PENDING.name())
                        .set("pending.$[m].nextAttemptAt", now).unset("pending.$[m].retryable")
                        .filterArray(Criteria.where("m.status").is(PendingMessage.Status.FAILED.name())
                                .and("m.retryable").is(true).and("m.createdAt").gt(createdAfter)),
                CONVERSATIONS);
    }

    /** The poller looks at {@code id} from {@code at}; {@code revive} asks it to try failed messages again. */
    void dueAt(String id, Instant at, boolean revive) {
        mongo.upsert(query(where("_id").is(id)), new Update().set("dueAt", at).set("revive", revive), DUE);
    }

    void notDue(String id) {
        mongo.remove(query(where("_id").is(id)), DUE);
    }

    /** Conversations the poller should look at by {@code now}; the collection is as small as the backlog. */
    List<Due> due(Instant now, int limit) {
        Query due = query(where("dueAt").lte(now)).limit(limit);
        return mongo.find(due, Document.class, DUE).stream()
                .map(doc -> new Due(doc.getString("_id"), Boolean.TRUE.equals(doc.getBoolean("revive")))).toList();
    }

    record Due(String conversationId, boolean revive) {
    }

    private boolean updateMessage(String id, String owner, String messageId, Update update) {
        return mongo.updateFirst(heldBy(id, owner), update.filterArray(Criteria.where("m._id").is(messageId)),
                CONVERSATIONS).getMatchedCount() == 1;
    }

    private boolean updateEffect(String id, String owner, String effectId, Update update) {
        return mongo.updateFirst(heldBy(id, owner), update.filterArray(Criteria.where("e._id").is(effectId)),
                CONVERSATIONS).getMatchedCount() == 1;
    }

    private static Query heldBy(String id, String owner) {
        return query(where("_id").is(id).and("sendOwner").is(owner));
    }
}
