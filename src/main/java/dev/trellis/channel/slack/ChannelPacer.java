package dev.trellis.channel.slack;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The pace of one workspace: a token bucket per Slack channel (about one message a second, short bursts allowed), a
 * token bucket for the whole workspace, and a workspace-wide pause after Slack answered 429. Never sleeps: it says how
 * long to wait instead, so a slow workspace holds up nobody else.
 *
 * <p>Replies go first. A bulk message (a reminder fan-out) books a slot on the workspace's bulk schedule, which runs
 * at {@code bulkShare} of the workspace pace, and is told to come back at it; only then does it take tokens, and it
 * leaves {@link #REPLY_RESERVE} workspace tokens for replies. A reply takes whatever tokens there are, so it never
 * waits behind the thousands of slots a fan-out booked. A booking holds for its channel a little while after its slot,
 * so the few messages of one reminder turn go out together instead of each queueing again at the end.
 */
final class ChannelPacer {

    private static final int PRUNE_ABOVE = 1_000;
    /** Workspace tokens a bulk message must leave behind: a reply arriving just then finds one. */
    static final int REPLY_RESERVE = 2;
    /** How long after its slot a channel's booking still lets the rest of that turn's messages through. */
    static final Duration BOOKING_HOLDS = Duration.ofSeconds(30);

    private final double perSecond;
    private final int burst;
    private final Bucket workspace;
    private final double bulkPerSecond;
    private final Map<String, Bucket> buckets = new HashMap<>();
    private final Map<String, Instant> bookings = new HashMap<>();
    private Instant nextBulkSlot = Instant.EPOCH;
    private Instant pausedUntil = Instant.EPOCH;
    private Instant prunedAt = Instant.EPOCH;

    private static final class Bucket {
        final double perSecond;
        final int burst;
        double tokens;
        Instant refilledAt;

        Bucket(double perSecond, int burst, Instant refilledAt) {
            this.perSecond = perSecond;
            this.burst = burst;
            this.tokens = burst;
            this.refilledAt = refilledAt;
        }

        void refill(Instant now) {
            double elapsed = Math.max(0, Duration.between(refilledAt, now).toNanos() / 1e9);
            tokens = Math.min(burst, tokens + elapsed * perSecond);
            if (now.isAfter(refilledAt)) {
                refilledAt = now;
            }
        }

        /** How long until this bucket holds {@code needed} tokens (zero when it does). */
        Duration until(double needed) {
            if (tokens >= needed) {
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((needed - tokens) / perSecond * 1e9));
        }
    }

    /**
     * @param perSecond          the pace into one channel
     * @param burst              messages one channel may get back to back
     * @param workspacePerSecond the pace of the whole workspace
     * @param workspaceBurst     messages the workspace may get back to back
     * @param bulkShare          the part of the workspace pace bulk messages may book (the rest is kept for replies)
     */
    ChannelPacer(double perSecond, int burst, double workspacePerSecond, int workspaceBurst, double bulkShare) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.workspace = new Bucket(workspacePerSecond, Math.max(workspaceBurst, REPLY_RESERVE + 1), Instant.EPOCH);
        this.bulkPerSecond = workspacePerSecond * bulkShare;
    }

    /** A reply: takes a send slot for {@code channel} and returns zero, or returns how long to wait. */
    synchronized Duration reserve(String channel, Instant now) {
        return reserve(channel, now, false);
    }

    /**
     * Takes a send slot for {@code channel} and returns zero, or returns how long to wait without taking one. A
     * {@code bulk} message that has no booking gets one, and the wait until it.
     */
    synchronized Duration reserve(String channel, Instant now, boolean bulk) {
        if (now.isBefore(pausedUntil)) {
            return Duration.between(now, pausedUntil);
        }
        if ((buckets.size() > PRUNE_ABOVE || bookings.size() > PRUNE_ABOVE) && now.isAfter(prunedAt.plusSeconds(1))) {
            prunedAt = now;
            prune(now);
        }
        if (bulk) {
            Instant slot = bookings.get(channel);
            if (slot == null || slot.plus(BOOKING_HOLDS).isBefore(now)) {
                slot = now.isAfter(nextBulkSlot) ? now : nextBulkSlot;
                nextBulkSlot = slot.plusNanos((long) (1e9 / bulkPerSecond));
                bookings.put(channel, slot);
            }
            if (slot.isAfter(now)) {
                return Duration.between(now, slot);
            }
        }
        Bucket bucket = buckets.computeIfAbsent(channel, c -> new Bucket(perSecond, burst, now));
        bucket.refill(now);
        workspace.refill(now);
        Duration wait = max(bucket.until(1), workspace.until(bulk ? 1 + REPLY_RESERVE : 1));
        if (!wait.isZero()) {
            return wait;
        }
        bucket.tokens -= 1;
        workspace.tokens -= 1;
        return Duration.ZERO;
    }

    /** Slack said 429: nothing goes to this workspace until {@code until}. */
    synchronized void pauseUntil(Instant until) {
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    /** Slots booked and not yet used up: how far the fan-out reaches. */
    synchronized int booked() {
        return bookings.size();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** Forgets channels whose bucket has refilled completely (they start full again) and bookings long past. */
    private void prune(Instant now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            double elapsed = Duration.between(bucket.refilledAt, now).toNanos() / 1e9;
            if (bucket.tokens + elapsed * perSecond >= burst) {
                it.remove();
            }
        }
        bookings.values().removeIf(slot -> slot.plus(BOOKING_HOLDS).isBefore(now));
    }
}
