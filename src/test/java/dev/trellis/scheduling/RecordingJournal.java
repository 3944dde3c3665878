package dev.trellis.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal kept in memory, for tests without MongoDB. */
class RecordingJournal implements ReminderJournal {

    record Entry(String personId, String timerId, Instant due, Instant firedAt, Outcome outcome) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void record(String personId, String timerId, Instant due, Instant firedAt, Outcome outcome) {
        entries.add(new Entry(personId, timerId, due, firedAt, outcome));
    }

    @Override
    public void dropped(String personId, String timerId, Instant due, Instant firedAt, String reason) {
        entries.add(new Entry(personId, timerId, due, firedAt, Outcome.DROPPED));
    }

    @Override
    public void forget(String personId) {
        entries.removeIf(e -> e.personId().equals(personId));
    }
}
