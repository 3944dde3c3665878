package dev.trellis.channel.web;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * How much one browser session and one IP address may ask of this node (token buckets, Bucket4j): posted messages
 * per session and per address, and new sessions per address (each one is a stored row, so an unlimited supply
 * would let anyone fill the disk). Counted per node: behind a load balancer the effective limit is the node
 * count times these. The buckets follow the application clock, so tests need no waiting.
 */
@Component
class WebRateLimits {

    // enough for every active address and session; the least recently used bucket goes first
    private static final int MAX_TRACKED = 20_000;

    private final WebProperties properties;
    private final TimeMeter time;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    WebRateLimits(WebProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return clock.millis() * 1_000_000L;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Empty when the post may go ahead, otherwise how long to wait. */
    Duration post(String address, String userId) {
        Duration byAddress = take("post-ip:" + address, properties.messagesPerAddress());
        if (!byAddress.isZero()) return byAddress;
        return take("post-user:" + userId, properties.messagesPerSession());
    }

    /** Zero when a new session may be issued to {@code address}, otherwise how long to wait. */
    Duration newSession(String address) {
        return take("session-ip:" + address, properties.sessionsPerAddress());
    }

    private Duration take(String key, int perWindow) {
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> newBucket(perWindow).get());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return Duration.ZERO;
        return Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1_000_000_000L));
    }

    private Supplier<Bucket> newBucket(int perWindow) {
        return () -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perWindow).refillGreedy(perWindow, properties.rateWindow())
                        .build())
                .withCustomTimePrecision(time)
                .build();
    }
}
