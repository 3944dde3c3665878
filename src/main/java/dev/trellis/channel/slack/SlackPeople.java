package dev.trellis.channel.slack;

import dev.trellis.engine.Redacted;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.EmailLinks;

/**
 * Who a Slack user is (name, timezone, locale), from {@code users.info}. Answers are cached and fetched again when
 * older than {@code slack.people-cache-ttl}; when Slack cannot be reached the last known answer is used. The profile's
 * e-mail (present with the {@code users:read.email} scope, verified by Slack) is handed to {@link EmailLinks}, which
 * links identities by it only when the operator turned that on; it is not kept here.
 */
public final class SlackPeople {

    /** A Slack user as the coaching side needs them: display name, IANA timezone, locale such as {@code en-US}. */
    public record SlackPerson(String userId, String name, String timezone, String locale) {
    }

    private record Cached(SlackPerson person, Instant fetchedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    /**
     * How long a background lookup keeps others for the same user from starting: every event of a person who is not
     * cached yet would otherwise start one (50 at once from a busy person), and while {@code users.info} fails each of
     * them would call Slack again.
     */
    static final Duration LOOKUP_PAUSE = Duration.ofMinutes(1);

    private final MethodsClient client;
    private final EmailLinks emails;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Users with a background lookup started, until when no other may start (removed when one succeeds). */
    private final Map<String, Instant> lookups = new ConcurrentHashMap<>();

    SlackPeople(MethodsClient client, EmailLinks emails, Clock clock, Duration ttl) {
        this.client = client;
        this.emails = emails;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Drops what is cached about the user (erasure). */
    void forget(String userId) {
        cache.remove(userId);
        lookups.remove(userId);
    }

    /** The person, or empty when Slack does not know them and nothing was cached before. Makes a Web API call. */
    public Optional<SlackPerson> find(String userId) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && cached.fetchedAt().plus(ttl).isAfter(now)) {
            return Optional.of(cached.person());
        }
        try {
            UsersInfoResponse response = client.usersInfo(r -> r.user(userId).includeLocale(true));
            if (response.isOk() && response.getUser() != null) {
                SlackPerson person = toPerson(response.getUser());
                cache.put(userId, new Cached(person, now));
                lookups.remove(userId);
                linkByEmail(response.getUser());
                return Optional.of(person);
            }
            log.info("users.info for {} failed: {}", userId, response.getError());
        } catch (Exception e) {
            log.info("users.info for {} failed", userId, Redacted.of(e));
        }
        return cached == null ? Optional.empty() : Optional.of(cached.person());
    }

    /**
     * What is known without calling Slack (possibly stale), for the acknowledgement path; when nothing is known or it
     * is stale, {@code refresh} runs a lookup in the background so the next event has it: one per user at a time, and
     * after one that failed, the next after {@link #LOOKUP_PAUSE}.
     */
    Optional<SlackPerson> known(String userId, Consumer<Runnable> refresh) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if ((cached == null || !cached.fetchedAt().plus(ttl).isAfter(now)) && startLookup(userId, now)) {
            refresh.accept(() -> find(userId));
        }
        return cached == null ? Optional.empty() : Optional.of(cached.person());
    }

    private boolean startLookup(String userId, Instant now) {
        Instant until = now.plus(LOOKUP_PAUSE);
        return lookups.compute(userId, (id, pausedUntil) -> pausedUntil == null || !pausedUntil.isAfter(now)
                ? until : pausedUntil) == until;
    }

    private void linkByEmail(User user) {
        if (user.isBot() || user.getTeamId() == null || user.getProfile() == null) {
            return;
        }
        try {
            emails.verified(new PlatformIdentity(SlackChannel.NAME, user.getTeamId(), user.getId()),
                    user.getProfile().getEmail());
        } catch (RuntimeException e) {
            log.warn("Linking {} by e-mail failed", user.getId(), Redacted.of(e));
        }
    }

    private static SlackPerson toPerson(User user) {
        String name = notBlank(user.getRealName()) ? user.getRealName()
                : user.getProfile() != null && notBlank(user.getProfile().getDisplayName())
                ? user.getProfile().getDisplayName() : user.getName();
        return new SlackPerson(user.getId(), name, user.getTz(), user.getLocale());
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }
}
