package dev.trellis.engine;

import java.util.Map;

/** Where a conversation's messages go: taken from the last inbound event of the conversation. */
public record Recipient(String conversationId, String channel, String personId, String address,
                        Map<String, String> meta) {

    public Recipient {
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }
}
