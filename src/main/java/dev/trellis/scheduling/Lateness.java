package dev.trellis.scheduling;

import java.time.Duration;
import java.time.Instant;

/** Whether a reminder that fires now is still worth sending: never hours late without a reason. */
enum Lateness {
    ON_TIME,
    /** Late beyond its tolerance, but what it prepares for (a 1:1) is still ahead. */
    LATE_BUT_BEFORE_DEADLINE,
    /** Late beyond its tolerance (the service was down): skipped and recorded. */
    TOO_LATE;

    static Lateness of(Instant due, Instant firedAt, Duration tolerance, Instant sendBefore) {
        if (!firedAt.isAfter(due.plus(tolerance))) return ON_TIME;
        if (sendBefore != null && firedAt.isBefore(sendBefore)) return LATE_BUT_BEFORE_DEADLINE;
        return TOO_LATE;
    }

    boolean sends() {
        return this != TOO_LATE;
    }
}
