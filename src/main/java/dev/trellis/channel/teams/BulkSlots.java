package dev.trellis.channel.teams;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The bulk schedule of each tenant on this node: a reminder fan-out books one slot per conversation at
 * {@code perSecond} and comes back at it, instead of thousands of messages asking {@link TeamsPace} again and again
 * while replies wait. A booking holds a little while after its slot, so the few messages of one reminder turn go out
 * together. The shared counts in {@link TeamsPace} still hold the tenant's limit across nodes.
 */
final class BulkSlots {

    /** How long after its slot a conversation's booking still lets the rest of that turn's messages through. */
    static final Duration BOOKING_HOLDS = Duration.ofSeconds(30);
    private static final int PRUNE_ABOVE = 1_000;

    private final double perSecond;
    private final Map<String, Instant> nextSlot = new HashMap<>();
    private final Map<String, Instant> bookings = new HashMap<>();
    private Instant prunedAt = Instant.EPOCH;

    BulkSlots(double perSecond) {
        this.perSecond = perSecond;
    }

    /** Zero when {@code conversationId}'s slot has come, else how long until it (booking one when it has none). */
    synchronized Duration untilSlot(String tenantId, String conversationId, Instant now) {
        if (bookings.size() > PRUNE_ABOVE && now.isAfter(prunedAt.plusSeconds(1))) {
            prunedAt = now;
            bookings.values().removeIf(slot -> slot.plus(BOOKING_HOLDS).isBefore(now));
        }
        Instant slot = bookings.get(conversationId);
        if (slot == null || slot.plus(BOOKING_HOLDS).isBefore(now)) {
            Instant next = nextSlot.getOrDefault(tenantId == null ? "" : tenantId, Instant.EPOCH);
            slot = now.isAfter(next) ? now : next;
            nextSlot.put(tenantId == null ? "" : tenantId, slot.plusNanos((long) (1e9 / perSecond)));
            bookings.put(conversationId, slot);
        }
        return slot.isAfter(now) ? Duration.between(now, slot) : Duration.ZERO;
    }
}
