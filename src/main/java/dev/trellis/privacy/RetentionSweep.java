package dev.trellis.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.trellis.engine.Redacted;

/**
 * Keeps what people said only for {@code trellis.privacy.retention} (180 days by default): conversation transcript
 * entries, inbox events (done and failed alike) and the records of delivered questions older than that are removed.
 * Runs every {@code trellis.privacy.sweep-interval} on every node (each removal is idempotent), by our own job because
 * the embedded MongoDB runs no TTL index. It also drops expired tombstones and exports, and takes up erasures that
 * were confirmed but did not finish.
 */
@Component
class RetentionSweep {

    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);

    /** An erasure still requested this long after it was confirmed is taken up again. */
    private static final Duration UNFINISHED_AFTER = Duration.ofMinutes(5);

    private final MongoTemplate mongo;
    private final Erasure erasure;
    private final Tombstones tombstones;
    private final PrivacyProperties properties;
    private final Clock clock;

    RetentionSweep(MongoTemplate mongo, Erasure erasure, Tombstones tombstones, PrivacyProperties properties,
                   Clock clock) {
        this.mongo = mongo;
        this.erasure = erasure;
        this.tombstones = tombstones;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${trellis.privacy.sweep-interval:1h}",
            fixedDelayString = "${trellis.privacy.sweep-interval:1h}")
    void scheduled() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Retention sweep failed; it runs again in {}", properties.sweepInterval(), Redacted.of(e));
        }
    }

    /** One sweep; returns what it removed, by kind (counts only). */
    Map<String, Long> sweep() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(properties.retention());
        Map<String, Long> removed = new LinkedHashMap<>();
        // the version goes up with the pull, so a turn that read the conversation before retries on the new one
        // instead of writing the old entries back
        Query old = query(where("transcript").elemMatch(where("at").lt(cutoff)));
        removed.put("transcriptConversations", mongo.updateMulti(old, new Update()
                .pull("transcript", new org.bson.Document("at", new org.bson.Document("$lt", cutoff)))
                .inc("version", 1), "conversations").getModifiedCount());
        removed.put("inbox", mongo.remove(query(where("acceptedAt").lt(cutoff).and("status").in("DONE", "FAILED")),
                "inbox").getDeletedCount());
        removed.put("platformMessages", mongo.remove(query(where("at").lt(cutoff)), "platformMessages")
                .getDeletedCount());
        removed.put("tombstones", tombstones.purgeExpired(now));
        removed.put("exports", mongo.remove(query(where("expiresAt").lt(now)), PersonalExport.COLLECTION)
                .getDeletedCount());
        for (String personId : erasure.unfinished(now.minus(UNFINISHED_AFTER))) {
            erasure.erase(personId, null);
            removed.merge("erasures", 1L, Long::sum);
        }
        log.info("Retention sweep: {}", removed);
        return removed;
    }
}
