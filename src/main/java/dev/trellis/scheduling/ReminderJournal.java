package dev.trellis.scheduling;

import java.time.Instant;

/** Where the outcome of each fired reminder is recorded (ids and times only). */
interface ReminderJournal {

    enum Outcome { SENT, SENT_LATE_BEFORE_DEADLINE, SKIPPED_LATE }

    void record(String personId, String timerId, Instant due, Instant firedAt, Outcome outcome);

    /** Forgets everything recorded about the person (erasure). */
    void forget(String personId);
}
