package dev.trellis.channel.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The pace of one workspace: a token bucket per Slack channel (about one message a second, short bursts allowed)
 * and a workspace-wide pause after Slack answered 429. Never sleeps: it says how long to wait instead, so a slow
 * workspace holds up nobody else.
 */
final class ChannelPacer {

    private static final int PRUNE_ABOVE = 1_000;

    private final double perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private Instant pausedUntil = Instant.EPOCH;

    private static final class Bucket {
        double tokens;
        Instant refilledAt;

        Bucket(double tokens, Instant refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }

    ChannelPacer(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    /** Takes a send slot for {@code channel} and returns zero, or returns how long to wait without taking one. */
    synchronized Duration reserve(String channel, Instant now) {
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if (buckets.size() > PRUNE_ABOVE) {
            prune(now);
        }
        Bucket bucket = buckets.computeIfAbsent(channel, c -> new Bucket(burst, now));
        double elapsed = Math.max(0, Duration.between(bucket.refilledAt, now).toNanos() / 1e9);
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * perSecond);
        bucket.refilledAt = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return Duration.ZERO;
        }
        long waitNanos = (long) Math.ceil((1 - bucket.tokens) / perSecond * 1e9);
        return Duration.ofNanos(waitNanos);
    }

    /** Slack said 429: nothing goes to this workspace until {@code until}. */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Forgets channels whose bucket has refilled completely; they start full again anyway. */
    private void prune(Instant now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            double elapsed = Duration.between(bucket.refilledAt, now).toNanos() / 1e9;
            if (bucket.tokens + elapsed * perSecond >= burst) {
                it.remove();
            }
        }
    }
}
