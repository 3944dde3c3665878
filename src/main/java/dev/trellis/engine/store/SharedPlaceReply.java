package dev.trellis.engine.store;

import java.util.List;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Turn;
import dev.trellis.flow.MessageBundle;

/**
 * What an event from a shared place (a mention in a channel, a click on someone else's button in a thread) gets: a
 * short pointer to the private conversation, answered where the event happened, and nothing of the running flow.
 * The conversation's state is left exactly as it was.
 */
final class SharedPlaceReply {

    static final String MESSAGE_KEY = "trellis.elsewhere.message";
    static final String CLICK_KEY = "trellis.elsewhere.click";

    private final MessageBundle messages;

    SharedPlaceReply(MessageBundle messages) {
        this.messages = messages;
    }

    Turn reply(String conversationId, ConversationState state, Inbound inbound) {
        boolean click = inbound.kind() == Inbound.Kind.ACTION;
        String key = click ? CLICK_KEY : MESSAGE_KEY;
        List<String> variants = messages.variants(state.profile().locale(), key);
        String text = variants.isEmpty() ? key : variants.get(0);
        // a click's note is for the clicker alone; a mention's reply is a plain message in its thread
        Outbound.Kind kind = click ? Outbound.Kind.NOTICE : Outbound.Kind.TEXT;
        Outbound out = new Outbound(conversationId + ":elsewhere:" + inbound.eventId(), kind, text, List.of(), false,
                null, null, null, null, null, null);
        return new Turn(state, List.of(out), List.of(), new Turn.Outcome.Rejected("shared place"), List.of());
    }
}
