package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.bson.Document;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Moves everything stored about a person from one person id to another: when two identities are linked into one
 * person, and when the start-up migration replaces platform user ids by person ids. Collections are named here by
 * their MongoDB names, so this feature does not depend on the coaching feature's types; a collection that holds
 * person data must be listed here (the migration test seeds each one).
 *
 * <p>A document keyed by the person id itself (profile, plan, 1:1 series) is moved only when the target has none;
 * otherwise the target's is kept and the other stays under the old id, untouched, rather than being merged
 * field by field or deleted.
 */
final class PersonData {

    /** Collections whose documents name their owner in {@code personId}. */
    static final List<String> OWNED = List.of("goals", "checkins", "wheels", "sessions", "sessionRatings",
            "feedback", "peerSessions", "chartImages");
    /** Collections keyed by the owner's person id. */
    static final List<String> KEYED = List.of("people", "plans", "oneOnOnes");
    /** Other fields that name a person: a manager, a peer-coaching partner. */
    private static final List<String[]> REFERENCES = List.of(new String[] {"people", "managerId"},
            new String[] {"oneOnOnes", "managerId"}, new String[] {"peerSessions", "partnerId"});
    private static final String ASKED_QUESTIONS = "askedQuestions";
    private static final String PERSON_ID = "personId";

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    PersonData(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** Re-owns {@code from}'s documents to {@code to}; safe to repeat (a second run finds nothing of {@code from}). */
    void move(String from, String to) {
        if (from.equals(to)) {
            return;
        }
        // first, so that what is moved (sealed with from's data key) stays readable under to
        events.publishEvent(new PersonsMerged(from, to));
        for (String collection : OWNED) {
            mongo.updateMulti(query(where(PERSON_ID).is(from)), new Update().set(PERSON_ID, to), collection);
        }
        for (String[] reference : REFERENCES) {
            mongo.updateMulti(query(where(reference[1]).is(from)), new Update().set(reference[1], to), reference[0]);
        }
        for (String collection : KEYED) {
            rekey(collection, from, to);
        }
        // asked questions are keyed "personId|topic"
        for (Document asked : mongo.find(query(where(PERSON_ID).is(from)), Document.class, ASKED_QUESTIONS)) {
            String oldId = asked.getString("_id");
            String topic = oldId.substring(oldId.indexOf('|') + 1);
            moveDocument(ASKED_QUESTIONS, asked, to + "|" + topic, to);
        }
        mongo.updateMulti(query(where("recipient.personId").is(from)), new Update().set("recipient.personId", to),
                "conversations");
        mongo.updateMulti(query(where(PERSON_ID).is(from)), new Update().set(PERSON_ID, to), "conversations");
    }

    private void rekey(String collection, String from, String to) {
        Document document = mongo.findById(from, Document.class, collection);
        if (document != null) {
            moveDocument(collection, document, to, to);
        }
    }

    private void moveDocument(String collection, Document document, String newId, String owner) {
        Object oldId = document.get("_id");
        if (mongo.findById(newId, Document.class, collection) != null) {
            return;
        }
        Document moved = new Document(document);
        moved.put("_id", newId);
        if (moved.containsKey(PERSON_ID)) {
            moved.put(PERSON_ID, owner);
        }
        mongo.insert(moved, collection);
        mongo.remove(query(where("_id").is(oldId)), collection);
    }
}
