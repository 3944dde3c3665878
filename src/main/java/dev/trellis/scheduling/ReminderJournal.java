package dev.trellis.scheduling;

import java.time.Instant;

/** Where the outcome of each fired reminder is recorded (ids and times only). */
interface ReminderJournal {

    enum Outcome {
        SENT, SENT_LATE_BEFORE_DEADLINE, SKIPPED_LATE,
        /** Nobody to send it to any more (erased, a manager link ended): dropped without a word to anyone. */
        DROPPED
    }

    void record(String personId, String timerId, Instant due, Instant firedAt, Outcome outcome);

    /** Records a dropped occurrence with why ({@link ReminderGuard}'s words: ids only). */
    void dropped(String personId, String timerId, Instant due, Instant firedAt, String reason);

    /** Forgets everything recorded about the person (erasure). */
    void forget(String personId);
}
