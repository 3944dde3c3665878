package dev.trellis.coaching.internal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.trellis.sharing.ManagerLinks;

/**
 * Start-up: a profile stored before manager links existed may name a {@code managerId}. Nothing in Trellis ever
 * set it, so only an operator can have: it becomes a confirmed link (as an import would), and the field goes.
 * Running it again finds no such field and changes nothing.
 */
@Component
final class ManagerFieldMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ManagerFieldMigration.class);

    private final MongoTemplate mongo;
    private final ManagerLinks links;
    private final Clock clock;

    ManagerFieldMigration(MongoTemplate mongo, ManagerLinks links, Clock clock) {
        this.mongo = mongo;
        this.links = links;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int moved = 0;
        for (Document person : mongo.find(query(where("managerId").exists(true)), Document.class, "people")) {
            String id = person.getString("_id");
            String manager = person.getString("managerId");
            if (manager != null && !manager.isBlank() && !manager.equals(id)) {
                links.importConfirmed(id, manager, clock.instant(), false);
                moved++;
            }
            mongo.updateFirst(query(where("_id").is(id)), new Update().unset("managerId"), "people");
        }
        if (moved > 0) log.info("Moved {} manager field(s) of profiles to confirmed manager links", moved);
    }
}
