package dev.trellis.channel.web;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.TranscriptEntry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The history of a web conversation as the conversation store keeps it. What the person typed has no message id in
 * the store, so it is named by its transcript position ({@code in-<seq>}); the page matches it to what it showed
 * when the person sent it.
 */
@Component
class StoredChatHistory implements ChatHistory {

    private final Conversations conversations;

    StoredChatHistory(Conversations conversations) {
        this.conversations = conversations;
    }

    @Override
    public Transcript load(String conversationId) {
        List<ChatEntry> entries = conversations.transcript(conversationId).stream()
                .map(entry -> entry.direction() == TranscriptEntry.Direction.IN
                        ? ChatEntry.person("in-" + entry.seq(), entry.text())
                        : ChatEntry.bot(conversationId, entry.message()))
                .toList();
        String openControl = conversations.state(conversationId).map(ConversationState::openControl).orElse(null);
        return new Transcript(entries, openControl);
    }
}
