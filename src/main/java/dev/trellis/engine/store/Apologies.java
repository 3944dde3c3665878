package dev.trellis.engine.store;

import java.time.Clock;
import java.util.List;

import dev.trellis.engine.FailedEvents;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.flow.MessageBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells a person that their message was given up on: a short apology appended to their conversation's outbox and
 * delivered like any reply. A person without a conversation yet (their very first event failed) is not written to:
 * there is nowhere stored to write to, and the failed event is kept for an operator.
 */
@Component
class Apologies implements FailedEvents {

    static final String KEY = "trellis.error.event";
    private static final String FALLBACK = "Sorry, something went wrong on my side and I couldn't take in your last "
            + "message. Could you send it again in a little while?";
    private static final Logger log = LoggerFactory.getLogger(Apologies.class);

    private final OutboxStore store;
    private final TextSealing sealing;
    private final MessageBundle messages;
    private final Outbox outbox;
    private final Clock clock;

    Apologies(OutboxStore store, TextSealing sealing, MessageBundle messages, Outbox outbox, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.messages = messages;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void gaveUp(Inbound inbound) {
        String id = inbound.conversationId();
        String locale = inbound.meta().getOrDefault(Inbound.META_LOCALE, "en");
        List<String> variants = messages.variants(locale, KEY);
        Outbound apology = Outbound.text("failed:" + inbound.eventId(), variants.isEmpty() ? FALLBACK : variants.get(0));
        // sealed like every message of the conversation: its outbox opens them all with the owner's key
        String owner = store.find(id).map(ConversationDocument::owner).orElse(null);
        if (owner == null || !store.append(id, PendingMessage.pending(apology.id(), sealing.seal(owner, apology),
                clock.instant(), null))) {
            log.info("No conversation {} to apologise in for event {}", id, inbound.eventId());
            return;
        }
        outbox.deliver(id);
    }
}
