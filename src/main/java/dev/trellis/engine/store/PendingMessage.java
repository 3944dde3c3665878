package dev.trellis.engine.store;

import java.time.Instant;

import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;

/**
 * An outbound message of a conversation that is being delivered. Kept in the conversation document until it is
 * sent or failed; the next turn's write drops finished ones (the transcript keeps what was said).
 *
 * @param id        the message's transcript sequence number, unique within the conversation
 * @param failure   why the last try did not deliver it (a platform error code, never the text)
 * @param to        where this message goes, fixed when the turn was stored (a reply to a mention goes to its
 *                  thread, the rest to the conversation's home); null only in documents written before messages
 *                  carried an address
 * @param createdAt when the turn produced it: its delivery budget counts from here
 * @param retryable failed only because its delivery budget ran out: the failed-message rescan may try it again
 * @param bulk      produced by a timer (a reminder, a sweep), not in answer to something the person just did: the
 *                  platform's pace lets replies go first; null (documents written before) counts as a reply
 */
record PendingMessage(String id, Outbound message, Status status, int attempts, Instant nextAttemptAt,
                      String platformRef, String failure, Recipient to, Instant createdAt, Boolean retryable,
                      Boolean bulk) {

    enum Status { PENDING, SENT, FAILED }

    static PendingMessage pending(String id, Outbound message, Instant at, Recipient to) {
        return pending(id, message, at, to, false);
    }

    static PendingMessage pending(String id, Outbound message, Instant at, Recipient to, boolean bulk) {
        return new PendingMessage(id, message, Status.PENDING, 0, at, null, null, to, at, null, bulk ? true : null);
    }

    boolean isBulk() {
        return Boolean.TRUE.equals(bulk);
    }

    boolean dueAt(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** When its delivery budget started; messages stored before it was recorded count from their next try. */
    Instant since() {
        return createdAt != null ? createdAt : nextAttemptAt;
    }
}
