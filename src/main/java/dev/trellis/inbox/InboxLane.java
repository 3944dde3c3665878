package dev.trellis.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The unfinished events of one conversation, in the store so that every node sees the same order. Only the head
 * (the entry appended first) may be worked on, by the node whose {@code owner} token is set, until {@code leaseUntil}; a
 * failed head keeps its place and waits until {@code notBefore}. Every change is conditional on {@code rev}, so two
 * nodes never both think they hold the lane. The document exists only while the conversation has unfinished events.
 *
 * <p>A lane lives in the inbox collection beside the events, under {@code lane:<conversation id>}, so that storing an
 * event and appending it to its lane is one write command (one round trip, one commit of the embedded file store)
 * before the platform's acknowledgement. Its {@code conversationId} lets erasure remove it with the events; it has no
 * {@code inbound} and no {@code status}, so the inbox's own queries never mistake it for an event. {@code lane} holds
 * the conversation id once more, in a field no event has: its sparse unique index lists the lanes alone, so the sweep
 * over all lanes reads as many index entries as there are conversations with a backlog, however large the inbox.
 *
 * @param headAttempts how often the head was taken, crashes included (a poison event cannot loop forever)
 */
@Document(InboxLane.COLLECTION)
record InboxLane(@Id String id, String conversationId, String lane, long rev, List<Entry> queue, String owner, Instant leaseUntil, Instant notBefore,
                 Integer headAttempts) {

    static final String COLLECTION = InboxDocument.COLLECTION;
    /** Starts every lane's {@code _id}; no channel is called {@code lane}, so no event's key starts with it. */
    static final String PREFIX = "lane:";

    static String idOf(String conversationId) {
        return PREFIX + conversationId;
    }

    /** An unfinished event: its inbox key and its receipt order on the node that stored it. */
    record Entry(String key, long seq) {
    }

    InboxLane {
        queue = queue == null ? List.of() : List.copyOf(queue);
        headAttempts = headAttempts == null ? 0 : headAttempts;
    }

    /**
     * The event to work on: the first one appended. The lane's order is the order the store received the events in,
     * not the nodes' clocks, so two nodes whose clocks disagree still keep a person's order.
     */
    Optional<Entry> head() {
        return queue.isEmpty() ? Optional.empty() : Optional.of(queue.get(0));
    }

    List<Entry> without(Entry entry) {
        return queue.stream().filter(e -> !e.equals(entry)).toList();
    }

    boolean heldAt(Instant now) {
        return owner != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    boolean waitingAt(Instant now) {
        return notBefore != null && notBefore.isAfter(now);
    }
}
