package dev.trellis.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs work one task at a time per key and keys in parallel on a fixed pool: a conversation's events are
 * processed in the order they were submitted, and a slow or retrying conversation holds up only itself (a task
 * waiting for its retry holds no thread).
 */
final class ConversationLanes implements AutoCloseable {

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ConversationLanes(int threads) {
        AtomicInteger number = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "inbox-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs {@code work} after everything submitted earlier for {@code key} has finished, whatever its outcome. */
    void submit(String key, Supplier<CompletableFuture<Void>> work) {
        CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .handle((ignored, failure) -> null)
                        .thenComposeAsync(ignored -> work.get(), pool));
        next.whenComplete((ignored, failure) -> tails.remove(key, next));
    }

    /** A future that completes after {@code delay}, continuing on the pool. */
    CompletableFuture<Void> after(Duration delay) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, pool));
    }

    /** Lets running tasks finish briefly; queued events stay stored and are picked up on the next start. */
    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
