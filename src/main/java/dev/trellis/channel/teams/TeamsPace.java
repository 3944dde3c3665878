package dev.trellis.channel.teams;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Teams' rate limits, counted in MongoDB so they hold across nodes: per conversation 7 messages a second and 60 in
 * 30 seconds, per tenant 50 requests a second, and a pause of a conversation after a 429. Each limit is a sliding
 * window estimated from two fixed windows (the previous window's count weighted by how much of it still overlaps,
 * plus the current count), which keeps a burst at a window boundary from doubling the rate. Never sleeps: it
 * answers how long to wait.
 */
final class TeamsPace {

    static final String COLLECTION = "teamsPace";
    private static final Duration KEEP = Duration.ofMinutes(2);

    private record Limit(String scope, Duration window, int max) {
    }

    private final MongoTemplate mongo;
    private final int perConversationPerSecond;
    private final int perConversationPer30Seconds;
    private final int perTenantPerSecond;
    private final int bulkPerTenantPerSecond;

    TeamsPace(MongoTemplate mongo, int perConversationPerSecond, int perConversationPer30Seconds,
              int perTenantPerSecond) {
        this(mongo, perConversationPerSecond, perConversationPer30Seconds, perTenantPerSecond, perTenantPerSecond);
    }

    /** {@code bulkPerTenantPerSecond}: the part of the tenant's limit a reminder fan-out may fill; replies get all of it. */
    TeamsPace(MongoTemplate mongo, int perConversationPerSecond, int perConversationPer30Seconds,
              int perTenantPerSecond, int bulkPerTenantPerSecond) {
        this.mongo = mongo;
        this.perConversationPerSecond = perConversationPerSecond;
        this.perConversationPer30Seconds = perConversationPer30Seconds;
        this.perTenantPerSecond = perTenantPerSecond;
        this.bulkPerTenantPerSecond = Math.max(1, Math.min(bulkPerTenantPerSecond, perTenantPerSecond));
    }

    /** Takes a slot for one request into {@code conversationId}, or answers how long to wait without taking one. */
    Duration reserve(String conversationId, String tenantId, Instant now) {
        return reserve(conversationId, tenantId, now, false);
    }

    /**
     * As {@link #reserve(String, String, Instant)}; a {@code bulk} request only fits while the tenant's count leaves
     * room for replies, so a reply never finds the tenant's second filled by a fan-out.
     */
    Duration reserve(String conversationId, String tenantId, Instant now, boolean bulk) {
        Document pause = mongo.findById("pause:" + conversationId, Document.class, COLLECTION);
        if (pause != null && pause.getLong("until") > now.toEpochMilli()) {
            return Duration.ofMillis(pause.getLong("until") - now.toEpochMilli());
        }
        List<Limit> limits = List.of(
                new Limit("c1:" + conversationId, Duration.ofSeconds(1), perConversationPerSecond),
                new Limit("c30:" + conversationId, Duration.ofSeconds(30), perConversationPer30Seconds),
                new Limit("t1:" + (tenantId == null ? "" : tenantId), Duration.ofSeconds(1),
                        bulk ? bulkPerTenantPerSecond : perTenantPerSecond));
        List<String> taken = new ArrayList<>();
        for (Limit limit : limits) {
            Duration wait = take(limit, now, taken);
            if (!wait.isZero()) {
                taken.forEach(id -> mongo.updateFirst(query(where("_id").is(id)), new Update().inc("count", -1),
                        COLLECTION));
                return wait;
            }
        }
        return Duration.ZERO;
    }

    /** The Bot Connector said 429: nothing goes into {@code conversationId} until {@code until}. */
    void pause(String conversationId, Instant until) {
        mongo.upsert(query(where("_id").is("pause:" + conversationId)), new Update().max("until", until.toEpochMilli())
                .set("at", until.toEpochMilli()), COLLECTION);
    }

    /** Drops windows and pauses that can no longer matter. */
    void forgetOld(Instant now) {
        mongo.remove(query(where("at").lt(now.minus(KEEP).toEpochMilli())), COLLECTION);
    }

    private Duration take(Limit limit, Instant now, List<String> taken) {
        long length = limit.window().toMillis();
        long start = Math.floorDiv(now.toEpochMilli(), length) * length;
        Document previous = mongo.findById(limit.scope() + "|" + (start - length), Document.class, COLLECTION);
        long before = previous == null ? 0 : ((Number) previous.get("count")).longValue();
        String id = limit.scope() + "|" + start;
        Document current = mongo.findAndModify(query(where("_id").is(id)), new Update().inc("count", 1)
                .set("at", start), FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class,
                COLLECTION);
        taken.add(id);
        long count = ((Number) current.get("count")).longValue();
        double elapsed = (now.toEpochMilli() - start) / (double) length;
        if (before * (1 - elapsed) + count <= limit.max()) {
            return Duration.ZERO;
        }
        if (count > limit.max() || before == 0) {
            // this window is full: in the next one, what this window keeps must have faded enough for one more
            long kept = count - 1;
            double fade = kept <= limit.max() - 1 ? 0 : 1 - (limit.max() - 1) / (double) kept;
            return Duration.ofMillis(Math.max(1, start + length - now.toEpochMilli() + (long) Math.ceil(fade * length)));
        }
        // the previous window's weight must shrink until this request fits
        double needed = 1 - (limit.max() - count) / (double) before;
        return Duration.ofMillis(Math.max(1, (long) Math.ceil((needed - elapsed) * length)));
    }
}
