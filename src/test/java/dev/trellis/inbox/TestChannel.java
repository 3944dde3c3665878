package dev.trellis.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;

/**
 * A channel that records what it was asked to deliver. When {@code firstTryRetry} is set, a person id starting with
 * {@code slow-} gets a "retry later" after that time on the first try of every message, like a rate-limited
 * platform.
 */
class TestChannel implements OutboundChannel {

    static final String NAME = "test";

    record Sent(String conversationId, Outbound message) {
    }

    final List<Sent> sent = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final AtomicInteger refs = new AtomicInteger();
    private final Duration firstTryRetry;

    TestChannel(Duration firstTryRetry) {
        this.firstTryRetry = firstTryRetry;
    }

    @Override
    public String channel() {
        return NAME;
    }

    @Override
    public Delivery deliver(Recipient to, Outbound message) {
        int attempt = tries.computeIfAbsent(to.conversationId() + "/" + message.text() + "/" + message.id(),
                key -> new AtomicInteger()).incrementAndGet();
        if (firstTryRetry != null && to.userId().startsWith("slow-") && attempt == 1) {
            return Delivery.retryLater(firstTryRetry, "rate limited");
        }
        sent.add(new Sent(to.conversationId(), message));
        return new Delivery.Sent("ref-" + refs.incrementAndGet());
    }

    List<Outbound> sentTo(String conversationId) {
        return sent.stream().filter(s -> s.conversationId().equals(conversationId)).map(Sent::message).toList();
    }
}
