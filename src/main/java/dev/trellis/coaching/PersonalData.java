package dev.trellis.coaching;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Everything the coaching domain stores about one person, for {@code /coach export} and
 * {@code /coach delete-my-data}: goals, check-ins, wheels and their charts, the development plan, the 1:1 series,
 * peer sessions, feedback, session ratings and the profile. Only documents the person owns are included; a
 * manager's agreed actions live in the report's series and go with it.
 */
@Service
public class PersonalData {

    /** Collections holding documents owned by a person through a {@code personId} field. */
    static final List<String> OWNED = List.of("goals", "checkins", "wheels", "chartImages", "plans", "oneOnOnes",
            "peerSessions", "feedback", "sessionRatings", "sessions", "askedQuestions");

    private final MongoTemplate mongo;

    public PersonalData(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The person's documents by collection (chart images without their bytes), in stored form. */
    public Map<String, List<Document>> export(String personId) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        all.put("people", mongo.find(query(where("_id").is(personId)), Document.class, "people"));
        for (String collection : OWNED) {
            Query owned = query(where("personId").is(personId));
            if (collection.equals("chartImages")) {
                owned.fields().exclude("data");
            }
            all.put(collection, mongo.find(owned, Document.class, collection));
        }
        return all;
    }

    /** Deletes the person's documents everywhere in the coaching domain; returns how many were removed. */
    public long erase(String personId) {
        long removed = mongo.remove(query(where("_id").is(personId)), "people").getDeletedCount();
        for (String collection : OWNED) {
            removed += mongo.remove(query(where("personId").is(personId)), collection).getDeletedCount();
        }
        return removed;
    }
}
