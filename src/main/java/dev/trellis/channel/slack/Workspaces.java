package dev.trellis.channel.slack;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which workspaces uninstalled the app or revoked its token: nothing is sent to them any more. Kept in MongoDB so
 * every node stops, not just the one that received the event. A restart with a (new) token clears the marks; if the
 * token is still dead the first send marks the workspace again.
 */
final class Workspaces {

    static final String COLLECTION = "slackWorkspaces";

    private final MongoTemplate mongo;

    Workspaces(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void deactivate(String teamId, String reason, Instant at) {
        mongo.upsert(query(where("_id").is(teamId)),
                new Update().set("active", false).set("reason", reason).set("changedAt", at), COLLECTION);
    }

    boolean active(String teamId) {
        return teamId == null || !mongo.exists(query(where("_id").is(teamId).and("active").is(false)), COLLECTION);
    }

    void reactivateAll() {
        mongo.updateMulti(query(where("active").is(false)), new Update().set("active", true), COLLECTION);
    }
}
