package dev.trellis.engine.store;

import java.time.Instant;

import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;

/**
 * An outbound message of a conversation that is being delivered. Kept in the conversation document until it is
 * sent or failed; the next turn's write drops finished ones (the transcript keeps what was said).
 *
 * @param id the message's transcript sequence number, unique within the conversation
 * @param to where this message goes, fixed when the turn was stored (a reply to a mention goes to its thread, the
 *           rest to the conversation's home); null only in documents written before messages carried an address
 */
record PendingMessage(String id, Outbound message, Status status, int attempts, Instant nextAttemptAt,
                      String platformRef, String failure, Recipient to) {

    enum Status { PENDING, SENT, FAILED }

    static PendingMessage pending(String id, Outbound message, Instant at, Recipient to) {
        return new PendingMessage(id, message, Status.PENDING, 0, at, null, null, to);
    }

    boolean dueAt(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now);
    }
}
