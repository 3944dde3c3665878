package dev.trellis.privacy;

/**
 * A part of Trellis that holds something about a person outside the collections erasure already knows, and so must
 * destroy it when the person erases their data (a data key, a manager link, an item shared with someone else).
 * Erasure calls {@link #erase} on every bean implementing this, after it has stopped new events for the person and
 * before it writes the audit record. It must be idempotent: a failed erasure is retried from the start, and a
 * person with nothing here is not an error.
 */
public interface ErasureParticipant {

    /** A short stable name for the audit record and logs, e.g. {@code "data-keys"}; never person data. */
    String name();

    /** Destroys or withdraws everything this participant holds for the Trellis person id. */
    void erase(String personId);
}
