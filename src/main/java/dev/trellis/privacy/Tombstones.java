package dev.trellis.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.trellis.engine.ErasedEvents;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PlatformIdentity;

/**
 * What is left of an erased identity: a pseudonym of it, when it was erased, and pseudonyms of the inbox keys of its
 * last events. An event of that identity received before the erasure (in flight) or repeating one of those events (a
 * platform's late retry) is dropped, so it cannot recreate the person; an event the person sends afterwards starts
 * afresh. Tombstones go after {@code trellis.privacy.tombstone-life}.
 */
@Component
class Tombstones implements ErasedEvents {

    static final String COLLECTION = "erasureTombstones";

    private final MongoTemplate mongo;
    private final Pseudonyms pseudonyms;
    private final PrivacyProperties properties;
    private final Clock clock;

    Tombstones(MongoTemplate mongo, Pseudonyms pseudonyms, PrivacyProperties properties, Clock clock) {
        this.mongo = mongo;
        this.pseudonyms = pseudonyms;
        this.properties = properties;
        this.clock = clock;
    }

    /** Lays (or refreshes) the tombstone of {@code identity}, erased at {@code at}, with its recent inbox keys. */
    void lay(PlatformIdentity identity, Instant at, Collection<String> inboxKeys) {
        List<String> events = inboxKeys.stream().map(pseudonyms::of).distinct().toList();
        mongo.upsert(query(where("_id").is(pseudonyms.of(identity.key()))), new Update().set("erasedAt", at)
                .set("expiresAt", at.plus(properties.tombstoneLife())).addToSet("events").each(events.toArray()),
                COLLECTION);
    }

    @Override
    public boolean erased(Inbound inbound) {
        Document stone = mongo.findById(pseudonyms.of(inbound.identity().key()), Document.class, COLLECTION);
        if (stone == null || stone.getDate("expiresAt").toInstant().isBefore(clock.instant())) {
            return false;
        }
        Instant erasedAt = stone.getDate("erasedAt").toInstant();
        if (inbound.receivedAt() != null && !inbound.receivedAt().isAfter(erasedAt)) {
            return true;
        }
        List<?> events = stone.getList("events", Object.class, List.of());
        return events.contains(pseudonyms.of(inbound.channel() + ":" + inbound.eventId()));
    }

    /** Removes tombstones past their life; returns how many. */
    long purgeExpired(Instant now) {
        return mongo.remove(query(where("expiresAt").lt(now)), COLLECTION).getDeletedCount();
    }
}
