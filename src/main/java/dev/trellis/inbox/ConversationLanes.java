package dev.trellis.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs work one task at a time per key and keys in parallel on a fixed pool: a conversation's events are
 * processed in the order they were submitted, and a slow or retrying conversation holds up only itself (a task
 * waiting for its retry holds no thread).
 */
final class ConversationLanes implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final AtomicLong submitted = new AtomicLong();
    /** Work for someone who just did something: taken before any bulk work that is waiting. */
    private final Executor urgent = runnable -> execute(runnable, true);
    /** Work started by a timer (thousands at once in a reminder fan-out): taken in turn, after urgent work. */
    private final Executor bulk = runnable -> execute(runnable, false);
    private final Map<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

    ConversationLanes(int threads) {
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "inbox-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** A queued task: urgent before bulk, then first come, first served. */
    private record Ranked(boolean urgent, long order, Runnable task) implements Runnable, Comparable<Ranked> {

        @Override
        public void run() {
            task.run();
        }

        @Override
        public int compareTo(Ranked other) {
            if (urgent != other.urgent) {
                return urgent ? -1 : 1;
            }
            return Long.compare(order, other.order);
        }
    }

    private void execute(Runnable runnable, boolean isUrgent) {
        pool.execute(new Ranked(isUrgent, submitted.incrementAndGet(), runnable));
    }

    /** Runs {@code work} after everything submitted earlier for {@code key} has finished, whatever its outcome. */
    void submit(String key, Supplier<CompletableFuture<Void>> work) {
        submit(key, true, work);
    }

    /**
     * As {@link #submit(String, Supplier)}; {@code isUrgent} work starts before any bulk work still waiting for a
     * thread (a key's own order is kept either way).
     */
    void submit(String key, boolean isUrgent, Supplier<CompletableFuture<Void>> work) {
        CompletableFuture<Void> next = tails.compute(key, (k, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                        .handle((ignored, failure) -> null)
                        .thenComposeAsync(ignored -> work.get(), isUrgent ? urgent : bulk));
        next.whenComplete((ignored, failure) -> tails.remove(key, next));
    }

    /** A future that completes after {@code delay}, continuing on the pool (behind urgent work). */
    CompletableFuture<Void> after(Duration delay) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS, bulk));
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
