package dev.trellis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The conversations the application keeps: one per platform identity ({@link Inbound#conversationId()}), owned by
 * the Trellis person behind it ({@link PersonDirectory}).
 * Implemented over MongoDB; the inbox is its only writer.
 */
public interface Conversations {

    /**
     * Applies one inbound event to its conversation: one read, the engine's turn, one write (state, transcript and
     * the turn's outbound messages together; on a concurrent write the turn is re-applied to the newer state), then
     * delivers the pending messages through the channel's {@link OutboundChannel}. An event already applied to the
     * conversation (same channel and event id, e.g. re-processed after a crash) changes nothing; its undelivered
     * messages are delivered. Throws when the conversation cannot be written; the caller retries.
     */
    void handle(Inbound inbound);

    /** What was said in the conversation, oldest first (the most recent entries only; older ones are dropped). */
    List<TranscriptEntry> transcript(String conversationId);

    /** Where the conversation stands; empty when nobody has written yet. */
    Optional<ConversationState> state(String conversationId);

    /**
     * Conversations whose {@link ConversationState#wakeAt()} is not after {@code now}, at most {@code limit}: the
     * idle sweep sends each a timer event. Looks at every conversation stored, so it costs as much as they are many
     * on a store without the index; the frequent sweep uses {@link #dueWrittenHere}.
     */
    List<Wake> due(Instant now, int limit);

    /**
     * As {@link #due}, among the conversations whose wake time this node wrote since it started: costs as much as
     * there are due, not stored. Each is returned once; a conversation whose tick got lost, or whose time another node
     * wrote, is found by {@link #due} (or by that node).
     */
    default List<Wake> dueWrittenHere(Instant now, int limit) {
        return due(now, limit); // an implementation that keeps no wake times looks at all of them
    }

    /** A conversation waiting for a {@link Event.Tick}; {@code turn} makes the tick's event id unique per turn. */
    record Wake(Recipient recipient, long turn) {
    }
}
