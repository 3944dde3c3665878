package dev.trellis.scheduling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trellis.engine.Inbound;
import dev.trellis.inbox.Inbox;

/**
 * An inbox that counts every hand-in per event id (so a job that ran twice shows as two) and keeps the first of
 * each, like the real one.
 */
class CountingInbox implements Inbox {

    final Map<String, AtomicInteger> handedIn = new ConcurrentHashMap<>();
    final List<Inbound> stored = new CopyOnWriteArrayList<>();

    /** When set, the first hand-in waits on this until released: a node that stalls (and dies) mid-job. */
    volatile java.util.concurrent.CountDownLatch stallFirst;
    final java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);

    @Override
    public Receipt accept(Inbound inbound) {
        java.util.concurrent.CountDownLatch stall = stallFirst;
        if (stall != null && stalled.getCount() > 0) {
            stalled.countDown();
            try {
                stall.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("this node died");
        }
        int count = handedIn.computeIfAbsent(inbound.eventId(), id -> new AtomicInteger()).incrementAndGet();
        if (count > 1) return Receipt.DUPLICATE;
        stored.add(inbound);
        return Receipt.ACCEPTED;
    }

    int handedIn(String eventId) {
        AtomicInteger count = handedIn.get(eventId);
        return count == null ? 0 : count.get();
    }
}
