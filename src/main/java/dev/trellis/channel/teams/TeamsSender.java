package dev.trellis.channel.teams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;

import dev.trellis.engine.Delivery;

/**
 * Sends Bot Connector calls under Teams' limits ({@link TeamsPace}). Pacing and 429s answer {@link Delivery.Paced}
 * (a 429 pauses only its conversation, for its {@code Retry-After}); 412, 502, 503, 504 and calls that got no answer
 * are retried with exponential backoff, at least the {@code Retry-After} when one is given; 403 and 404 mean the bot
 * was removed from the conversation ({@link #BOT_REMOVED}); any other answer cannot heal by retrying.
 */
final class TeamsSender {

    static final String BOT_REMOVED = "bot removed";
    private static final Logger log = LoggerFactory.getLogger(TeamsSender.class);
    private static final Set<Integer> TRANSIENT = Set.of(0, 412, 502, 503, 504);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 8;

    private final TeamsPace pace;
    private final BulkSlots bulkSlots;
    private final Clock clock;
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();

    TeamsSender(TeamsPace pace, Clock clock) {
        this(pace, new BulkSlots(40), clock);
    }

    TeamsSender(TeamsPace pace, BulkSlots bulkSlots, Clock clock) {
        this.pace = pace;
        this.bulkSlots = bulkSlots;
        this.clock = clock;
    }

    /** One paced call for {@code messageKey} into {@code conversationId}; the delivery's reference is the activity id. */
    Delivery send(String conversationId, String tenantId, String messageKey, Supplier<BotConnector.Answer> call) {
        return send(conversationId, tenantId, messageKey, false, call);
    }

    /**
     * As {@link #send(String, String, String, Supplier)}; a {@code bulk} message (a reminder fan-out) waits for its
     * slot on the tenant's bulk schedule and leaves part of the tenant's limit to replies, which go first.
     */
    Delivery send(String conversationId, String tenantId, String messageKey, boolean bulk,
                  Supplier<BotConnector.Answer> call) {
        Instant now = clock.instant();
        if (bulk) {
            Duration untilSlot = bulkSlots.untilSlot(tenantId, conversationId, now);
            if (!untilSlot.isZero()) {
                return new Delivery.Paced(untilSlot, "paced");
            }
        }
        Duration wait = pace.reserve(conversationId, tenantId, now, bulk);
        if (!wait.isZero()) {
            return new Delivery.Paced(wait, "paced");
        }
        BotConnector.Answer answer = call.get();
        if (answer.ok()) {
            failedAttempts.remove(messageKey);
            return new Delivery.Sent(activityId(answer.body()));
        }
        if (answer.status() == 429) {
            Duration after = retryAfter(answer.retryAfter(), now).orElse(FIRST_BACKOFF);
            pace.pause(conversationId, now.plus(after));
            log.info("Teams rate-limited conversation {}; pausing it for {}", conversationId, after);
            return new Delivery.Paced(after, "rate limited");
        }
        if (TRANSIENT.contains(answer.status())) {
            int attempt = failedAttempts.merge(messageKey, 1, Integer::sum);
            if (attempt >= MAX_ATTEMPTS) {
                failedAttempts.remove(messageKey);
                return new Delivery.Failed("http_" + answer.status());
            }
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
            backoff = backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff;
            Duration asked = retryAfter(answer.retryAfter(), now).orElse(Duration.ZERO);
            return new Delivery.RetryLater(asked.compareTo(backoff) > 0 ? asked : backoff, "http_" + answer.status());
        }
        failedAttempts.remove(messageKey);
        if (answer.status() == 403 || answer.status() == 404) {
            log.warn("Teams message {} refused with {}: the bot was removed", messageKey, answer.status());
            return new Delivery.Failed(BOT_REMOVED);
        }
        log.warn("Teams message {} failed with {}", messageKey, answer.status());
        return new Delivery.Failed("http_" + answer.status());
    }

    private static String activityId(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : Serialization.jsonToTree(body);
            return node == null ? null : node.path("id").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date. */
    static java.util.Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim()))));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return java.util.Optional.of(at.isAfter(now) ? Duration.between(now, at) : FIRST_BACKOFF);
            } catch (RuntimeException unparseable) {
                return java.util.Optional.empty();
            }
        }
    }
}
