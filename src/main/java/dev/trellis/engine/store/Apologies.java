package dev.trellis.engine.store;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.trellis.engine.FailedEvents;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import dev.trellis.flow.MessageBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Tells a person that their message was given up on: a short apology appended to their conversation's outbox and
 * delivered like any reply, to where the failed event came from (the event carries its own address). When the very
 * first event of a conversation failed there is no conversation yet: one is started that holds nothing but the
 * apology (idle, no home), and the person's next message begins it as usual.
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

    private final ConversationStore conversations;

    Apologies(OutboxStore store, ConversationStore conversations, TextSealing sealing, MessageBundle messages,
              Outbox outbox, Clock clock) {
        this.store = store;
        this.conversations = conversations;
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
        Instant now = clock.instant();
        // no person id: the apology shows none of the person's data, and their identity may be what failed
        Recipient to = new Recipient(id, inbound.channel(), inbound.workspace(), inbound.userId(), null,
                inbound.address(), inbound.meta());
        PendingMessage message = PendingMessage.pending(apology.id(), sealing.seal(id, apology), now, to);
        if (!store.append(id, message) && !startWith(id, message, now)) {
            throw new IllegalStateException("No conversation " + id + " to apologise in for event "
                    + inbound.eventId());
        }
        outbox.deliver(id);
    }

    /** A new conversation holding only {@code message}; false when one was stored meanwhile (then append to it). */
    private boolean startWith(String id, PendingMessage message, Instant now) {
        ConversationState idle = ConversationState.idle(ConversationState.Profile.DEFAULT);
        try {
            conversations.save(new ConversationDocument(id, null, sealing.seal(id, idle), null, List.of(message),
                    List.of(), 0L, List.of(), null, null, null, now));
            log.info("Started conversation {} to apologise for its first event", id);
            return true;
        } catch (DuplicateKeyException | OptimisticLockingFailureException stored) {
            return store.append(id, message);
        }
    }
}
