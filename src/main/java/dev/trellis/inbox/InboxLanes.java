package dev.trellis.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Store operations on {@link InboxLane}s. Every query names the document by {@code _id}, or by {@code _id} and
 * {@code rev} (a unique index), so each is an index lookup on the embedded server too, which answers any other
 * query with a full scan; the sweep over all lanes reads the sparse index of the lanes alone. Changes after a claim are conditional on the claimer's owner token: a node whose lease ran
 * out and was taken over changes nothing.
 */
@Component
class InboxLanes implements InitializingBean {

    /** Re-reads after a concurrent change (an event appended meanwhile) before an owner's change gives up. */
    private static final int OWNER_TRIES = 20;

    private static final String OLD_COLLECTION = "inboxLanes";

    private final MongoTemplate mongo;

    InboxLanes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // unique because _id is: it exists so that the conditional updates below are index lookups
        mongo.indexOps(InboxLane.class).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on("rev", Sort.Direction.ASC).unique().named("revision"));
        // lanes only (events have no such field): what the sweep over all lanes reads, on the embedded server too
        mongo.indexOps(InboxLane.class).createIndex(new Index().on("lane", Sort.Direction.ASC).unique().sparse()
                .named("lanes"));
        // lanes were kept in a collection of their own before; the start-up scan queues their events again
        if (mongo.collectionExists(OLD_COLLECTION)) {
            mongo.dropCollection(OLD_COLLECTION);
        }
    }

    Optional<InboxLane> find(String conversationId) {
        return Optional.ofNullable(mongo.findById(InboxLane.idOf(conversationId), InboxLane.class));
    }

    /**
     * Appends the event to its conversation's lane (creating the lane); appending it again changes nothing. The inbox
     * does this in the same command that stores the event ({@link #appendStatement}); this is for events found
     * stored but never appended.
     */
    void append(String conversationId, InboxLane.Entry entry) {
        Update append = appendStatement(conversationId, entry);
        try {
            mongo.upsert(query(where("_id").is(InboxLane.idOf(conversationId))), append, InboxLane.class);
        } catch (DuplicateKeyException concurrentCreate) {
            // a real MongoDB may let two upserts race to insert; the second one now finds the document
            mongo.upsert(query(where("_id").is(InboxLane.idOf(conversationId))), append, InboxLane.class);
        }
    }

    /** The upsert (on the lane's {@code _id}) that appends {@code entry}; an entry already there is not added again. */
    static Update appendStatement(String conversationId, InboxLane.Entry entry) {
        return new Update().addToSet("queue", new org.bson.Document("key", entry.key()).append("seq", entry.seq()))
                .inc("rev", 1).setOnInsert("conversationId", conversationId).setOnInsert("lane", conversationId);
    }

    /** Takes the lane seen as {@code seen} for {@code owner}; empty when it changed since it was read. */
    Optional<InboxLane> claim(InboxLane seen, String owner, Instant leaseUntil) {
        return compareAndSet(seen, new Update().set("owner", owner).set("leaseUntil", leaseUntil).unset("notBefore")
                .inc("headAttempts", 1));
    }

    /** Takes {@code entry} out of the lane and lets it go; false when {@code owner} no longer holds it. */
    boolean finish(String conversationId, String owner, InboxLane.Entry entry) {
        return asOwner(conversationId, owner, lane -> new Update().set("queue", lane.without(entry))
                .unset("owner").unset("leaseUntil").unset("notBefore").set("headAttempts", 0));
    }

    /** Lets the lane go with its head in place, to be tried again from {@code notBefore}. */
    boolean retryLater(String conversationId, String owner, Instant notBefore) {
        return asOwner(conversationId, owner, lane -> new Update().unset("owner").unset("leaseUntil")
                .set("notBefore", notBefore));
    }

    /** Removes a lane that has nothing left, unless an event was appended since it was read. */
    boolean removeIfEmpty(InboxLane seen) {
        return seen.queue().isEmpty() && mongo.remove(query(where("_id").is(seen.id()).and("rev").is(seen.rev())),
                InboxLane.class).getDeletedCount() == 1;
    }

    /** The lanes with unfinished events; there are as many as conversations with a backlog, not as events. */
    List<InboxLane> some(int limit) {
        // a pattern is what the embedded server answers from a unique index by walking it: here, the lanes' index
        return mongo.find(query(where("lane").regex("^")).limit(limit), InboxLane.class);
    }

    private boolean asOwner(String conversationId, String owner, java.util.function.Function<InboxLane, Update> change) {
        for (int i = 0; i < OWNER_TRIES; i++) {
            InboxLane lane = find(conversationId).orElse(null);
            if (lane == null || !owner.equals(lane.owner())) {
                return false;
            }
            if (compareAndSet(lane, change.apply(lane)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private Optional<InboxLane> compareAndSet(InboxLane seen, Update update) {
        return Optional.ofNullable(mongo.findAndModify(query(where("_id").is(seen.id()).and("rev").is(seen.rev())),
                update.inc("rev", 1), FindAndModifyOptions.options().returnNew(true), InboxLane.class));
    }
}
