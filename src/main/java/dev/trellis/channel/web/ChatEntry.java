package dev.trellis.channel.web;

import dev.trellis.engine.Outbound;
import java.util.List;

/**
 * One line of the web chat as the page receives it, from the history endpoint or the event stream. {@code from}
 * is {@code bot} or {@code person}; {@code kind} is an {@link Outbound.Kind} name; {@code imageUrl} is set for
 * images. The page renders by {@code kind} and skips an {@code id} it has already shown, so a message delivered
 * twice (stream and history, or a re-delivery after a crash) appears once. Ids are only unique within the
 * conversation: the conversation id prefix is kept out of the page.
 */
record ChatEntry(String id, String from, String kind, String text, List<Outbound.Choice> choices, boolean multiple,
                 Integer min, Integer max, String minLabel, String maxLabel, String controlId, String imageUrl,
                 List<Download> downloads) {

    /** A file the person can download (their data export): a name to show and the URL that serves it. */
    record Download(String name, String url) {
    }

    static final String BOT = "bot";
    static final String PERSON = "person";

    static ChatEntry bot(String conversationId, Outbound message) {
        String imageUrl = message.kind() == Outbound.Kind.IMAGE && message.imageId() != null
                ? "/api/web/images/" + message.imageId()
                : null;
        return new ChatEntry(local(conversationId, message.id()), BOT, message.kind().name(), message.text(), message.choices(),
                message.multiple(), message.min(), message.max(), message.minLabel(), message.maxLabel(),
                message.controlId(), imageUrl, downloads(message));
    }

    /** The export's two files, served only to the session of the person they belong to. */
    private static List<Download> downloads(Outbound message) {
        if (message.kind() != Outbound.Kind.FILE || message.imageId() == null) return List.of();
        String base = "/api/web/exports/" + message.imageId();
        return List.of(new Download("Your data (JSON)", base + "/json"),
                new Download("Readable summary (Markdown)", base + "/markdown"));
    }

    private static String local(String conversationId, String id) {
        String prefix = conversationId + ":";
        return id != null && id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    }

    static ChatEntry person(String id, String text) {
        return new ChatEntry(id, PERSON, Outbound.Kind.TEXT.name(), text, List.of(), false, null, null, null, null,
                null, null, List.of());
    }
}
