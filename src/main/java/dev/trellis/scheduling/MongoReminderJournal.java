package dev.trellis.scheduling;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Keeps each fired occurrence in {@code reminderLog}, one document per occurrence (keyed like its inbox event), so a
 * skipped reminder leaves a trace an operator and the person can see.
 */
@Component
class MongoReminderJournal implements ReminderJournal {

    static final String COLLECTION = "reminderLog";

    private final MongoTemplate mongo;

    MongoReminderJournal(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void record(String personId, String timerId, Instant due, Instant firedAt, Outcome outcome) {
        String id = timerId + ":" + due.toEpochMilli();
        Update update = new Update().set("person", personId).set("timer", timerId).set("due", due)
                .set("firedAt", firedAt).set("outcome", outcome.name());
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
    }

    @Override
    public void dropped(String personId, String timerId, Instant due, Instant firedAt, String reason) {
        String id = timerId + ":" + due.toEpochMilli();
        Update update = new Update().set("person", personId).set("timer", timerId).set("due", due)
                .set("firedAt", firedAt).set("outcome", Outcome.DROPPED.name()).set("reason", reason);
        mongo.upsert(Query.query(Criteria.where("_id").is(id)), update, COLLECTION);
    }

    @Override
    public void forget(String personId) {
        mongo.remove(Query.query(Criteria.where("person").is(personId)), COLLECTION);
    }
}
