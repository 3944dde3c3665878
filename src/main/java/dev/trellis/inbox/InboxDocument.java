package dev.trellis.inbox;

import java.time.Instant;

import dev.trellis.engine.Inbound;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored inbound event. {@code _id} is {@code channel:eventId}, so storing a platform's retry fails on the
 * unique key. {@code seq} orders events as received; {@code inbound.text} is sealed by the {@code FreeTextCodec}.
 *
 * Which node works on it, and when it may be retried, is in its conversation's {@link InboxLane}.
 *
 * @param attempts how often it was tried (written when it is finished or fails)
 * @param error    the exception type of the last failed try (never its message: it may quote the person)
 */
@Document(InboxDocument.COLLECTION)
record InboxDocument(@Id String id, String conversationId, long seq, Inbound inbound, Status status, int attempts,
                     Instant acceptedAt, Instant processedAt, String error) {

    static final String COLLECTION = "inbox";

    enum Status { NEW, DONE, FAILED }

    static String key(Inbound inbound) {
        return inbound.channel() + ":" + inbound.eventId();
    }
}
