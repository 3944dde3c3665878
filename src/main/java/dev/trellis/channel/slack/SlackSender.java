package dev.trellis.channel.slack;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.methods.response.conversations.ConversationsRepliesResponse;
import com.slack.api.model.Message;

import dev.trellis.engine.Delivery;

/**
 * Calls the Slack Web API for outbound messages, one {@link ChannelPacer} per workspace (replies before bulk). A 429 pauses only that
 * workspace for its {@code Retry-After}; pacing and 429s answer {@link Delivery.Paced}, which never counts as a failed
 * try. Transient failures are retried with exponential backoff by answering {@link Delivery.RetryLater} (a call that
 * got no answer with reason {@link Delivery#UNCERTAIN}, so the next try checks whether it landed); every other
 * Slack error cannot heal by retrying ({@code channel_not_found},
 * {@code not_in_channel}, {@code invalid_auth}, {@code token_revoked}, {@code invalid_blocks}, ...) and gives up with
 * {@link Delivery.Failed}. Never blocks the calling thread on a wait.
 */
final class SlackSender {

    private static final Logger log = LoggerFactory.getLogger(SlackSender.class);

    static final Set<String> WORKSPACE_GONE = Set.of("invalid_auth", "account_inactive", "token_revoked", "not_authed");
    private static final Set<String> TRANSIENT = Set.of("internal_error", "fatal_error", "service_unavailable",
            "request_timeout", "ratelimited");
    /** Message metadata on every post: the key lets a retry after a timeout find an earlier copy instead of reposting. */
    static final String METADATA_TYPE = "trellis_message";
    static final String METADATA_KEY = "delivery";
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** One Web API call. */
    @FunctionalInterface
    interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    private final MethodsClient client;
    private final Clock clock;
    private final double perSecond;
    private final int burst;
    private final double workspacePerSecond;
    private final int workspaceBurst;
    private final double bulkShare;
    private final Map<String, ChannelPacer> workspaces = new ConcurrentHashMap<>();
    private final Map<String, Integer> failedAttempts = new ConcurrentHashMap<>();

    SlackSender(MethodsClient client, Clock clock, double perSecond, int burst) {
        this(client, clock, perSecond, burst, 5.0, 10, 0.8);
    }

    SlackSender(MethodsClient client, Clock clock, double perSecond, int burst, double workspacePerSecond,
                int workspaceBurst, double bulkShare) {
        this.client = client;
        this.clock = clock;
        this.perSecond = perSecond;
        this.burst = burst;
        this.workspacePerSecond = workspacePerSecond;
        this.workspaceBurst = workspaceBurst;
        this.bulkShare = bulkShare;
    }

    /**
     * Sends one paced call for {@code messageKey} to {@code channel} of workspace {@code teamId}; on success the
     * delivery's platform reference is what {@code onSent} returns.
     */
    <T extends SlackApiTextResponse> Delivery send(String teamId, String channel, String messageKey, Call<T> call,
                                                   Function<T, String> onSent) {
        return send(teamId, channel, messageKey, false, call, onSent);
    }

    /** As {@link #send(String, String, String, Call, Function)}; a {@code bulk} message lets replies go first. */
    <T extends SlackApiTextResponse> Delivery send(String teamId, String channel, String messageKey, boolean bulk,
                                                   Call<T> call, Function<T, String> onSent) {
        ChannelPacer pacer = workspaces.computeIfAbsent(teamId == null ? "" : teamId,
                t -> new ChannelPacer(perSecond, burst, workspacePerSecond, workspaceBurst, bulkShare));
        Instant now = clock.instant();
        Duration wait = pacer.reserve(channel, now, bulk);
        if (!wait.isZero()) {
            return new Delivery.Paced(wait, "paced");
        }
        try {
            T response = call.call(client);
            if (response.isOk()) {
                failedAttempts.remove(messageKey);
                return new Delivery.Sent(onSent.apply(response));
            }
            return failure(messageKey, response.getError());
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                Duration retryAfter = retryAfter(e.getResponse().header("Retry-After"));
                pacer.pauseUntil(now.plus(retryAfter));
                log.info("Slack rate-limited workspace {}; pausing it for {}", teamId, retryAfter);
                return new Delivery.Paced(retryAfter, "rate limited");
            }
            String error = e.getError() != null && e.getError().getError() != null ? e.getError().getError()
                    : status >= 500 ? "internal_error" : "http_" + status;
            return failure(messageKey, error);
        } catch (IOException e) {
            // no answer (a timeout, a dropped connection): Slack may have posted it, so the next try looks first
            return failure(messageKey, Delivery.UNCERTAIN);
        }
    }

    /**
     * A transient error is retried with a growing pause, however long it lasts: the outbox gives up when the message's
     * delivery budget is spent (an outage of hours loses nothing). Any other error cannot heal by retrying.
     */
    private Delivery failure(String messageKey, String error) {
        if (error != null && (TRANSIENT.contains(error) || Delivery.UNCERTAIN.equals(error))) {
            int attempt = failedAttempts.merge(messageKey, 1, Integer::sum);
            Duration backoff = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10));
            return new Delivery.RetryLater(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff, error);
        }
        failedAttempts.remove(messageKey);
        log.warn("Slack message {} failed: {}", messageKey, error);
        return new Delivery.Failed(error == null ? "unknown_error" : error);
    }

    /**
     * Whether a message posted with {@link #METADATA_TYPE} metadata for {@code messageKey} is already in
     * {@code channel} (or in thread {@code threadTs} of it), posted since {@code since}: its ts, empty when it is not
     * there, or a {@link Delivery.RetryLater} when Slack cannot be asked either (still down: look again later rather
     * than risk a second copy).
     */
    Lookup findPosted(String channel, String threadTs, String messageKey, Instant since) {
        String oldest = Long.toString(since.minusSeconds(60).getEpochSecond());
        try {
            List<Message> messages;
            String error;
            if (threadTs == null) {
                ConversationsHistoryResponse history = client.conversationsHistory(r -> r.channel(channel)
                        .oldest(oldest).limit(200).includeAllMetadata(true));
                messages = history.getMessages();
                error = history.isOk() ? null : history.getError();
            } else {
                ConversationsRepliesResponse replies = client.conversationsReplies(r -> r.channel(channel)
                        .ts(threadTs).oldest(oldest).limit(200).includeAllMetadata(true));
                messages = replies.getMessages();
                error = replies.isOk() ? null : replies.getError();
            }
            if (error != null || messages == null) {
                return error != null && TRANSIENT.contains(error) ? Lookup.UNKNOWN : Lookup.NOT_THERE;
            }
            return messages.stream().filter(m -> m.getMetadata() != null
                            && METADATA_TYPE.equals(m.getMetadata().getEventType())
                            && m.getMetadata().getEventPayload() != null
                            && messageKey.equals(m.getMetadata().getEventPayload().get(METADATA_KEY)))
                    .findFirst().map(m -> {
                        failedAttempts.remove(messageKey);
                        return new Lookup(Optional.of(m.getTs()), true);
                    }).orElse(Lookup.NOT_THERE);
        } catch (SlackApiException e) {
            return e.getResponse().code() == 429 || e.getResponse().code() >= 500 ? Lookup.UNKNOWN : Lookup.NOT_THERE;
        } catch (IOException e) {
            return Lookup.UNKNOWN;
        }
    }

    /** What {@link #findPosted} learned: the ts when it is there; {@code known} false when Slack could not say. */
    record Lookup(Optional<String> ts, boolean known) {
        static final Lookup NOT_THERE = new Lookup(Optional.empty(), true);
        static final Lookup UNKNOWN = new Lookup(Optional.empty(), false);
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? FIRST_BACKOFF : Duration.ofSeconds(Math.max(1, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return FIRST_BACKOFF;
        }
    }
}
