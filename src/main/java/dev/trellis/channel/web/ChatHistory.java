package dev.trellis.channel.web;

import java.util.List;

/**
 * What the page shows again after a reload: the transcript of a web conversation and the question that is still
 * waiting for an answer.
 */
interface ChatHistory {

    Transcript load(String conversationId);

    /** The entries in the order they happened; {@code openControl} is null when no question is open. */
    record Transcript(List<ChatEntry> entries, String openControl) {
        public Transcript {
            entries = List.copyOf(entries);
        }
    }
}
