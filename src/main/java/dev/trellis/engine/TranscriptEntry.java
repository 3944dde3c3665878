package dev.trellis.engine;

import java.time.Instant;

/**
 * One line of a conversation as the person saw it: what they typed ({@code IN}, {@code text}) or a message the bot
 * sent ({@code OUT}, {@code message}). {@code seq} increases by one per entry within a conversation.
 */
public record TranscriptEntry(long seq, Direction direction, String text, Outbound message, Instant at) {

    public enum Direction { IN, OUT }

    public static TranscriptEntry in(long seq, String text, Instant at) {
        return new TranscriptEntry(seq, Direction.IN, text, null, at);
    }

    public static TranscriptEntry out(long seq, Outbound message, Instant at) {
        return new TranscriptEntry(seq, Direction.OUT, null, message, at);
    }
}
