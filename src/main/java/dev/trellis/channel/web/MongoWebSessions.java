package dev.trellis.channel.web;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** {@link WebSessions} in the {@code webSessions} collection: one row per issued session, keyed by its user id. */
@Component
class MongoWebSessions implements WebSessions {

    static final String COLLECTION = "webSessions";

    @Document(COLLECTION)
    record IssuedSession(@Id String userId, Instant issuedAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoWebSessions(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public boolean issued(WebUser user) {
        return mongo.findById(user.id(), IssuedSession.class) != null;
    }

    @Override
    public void issue(WebUser user) {
        // 128 random bits do not repeat; insert (not save) would still refuse to take over an existing session
        mongo.insert(new IssuedSession(user.id(), clock.instant()));
    }

    @Override
    public void end(String userId) {
        mongo.remove(query(where("_id").is(userId)), COLLECTION);
    }
}
