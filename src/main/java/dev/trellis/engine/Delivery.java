package dev.trellis.engine;

import java.time.Duration;

/** What happened to one outbound message. */
public sealed interface Delivery {

    /**
     * The reason a channel gives when it cannot tell whether the platform got the message (the call timed out): the
     * next try is told so, and looks before it posts again.
     */
    String UNCERTAIN = "uncertain";

    /** Delivered; {@code platformRef} identifies the message on the platform (Slack ts, Teams activity id). */
    record Sent(String platformRef) implements Delivery {
    }

    /** Not now (rate limit, transient error): try again after {@code after}. */
    record RetryLater(java.time.Duration after, String reason) implements Delivery {
    }

    /**
     * Not now because the platform's pace or rate limit says so ({@code Retry-After}); waiting is not a failed
     * attempt, so a message is never given up for being paced.
     */
    record Paced(java.time.Duration after, String reason) implements Delivery {
    }

    /** Will never succeed (channel gone, app uninstalled): recorded and dropped. */
    record Failed(String reason) implements Delivery {
    }

    static Delivery retryLater(Duration after, String reason) {
        return new RetryLater(after, reason);
    }
}
