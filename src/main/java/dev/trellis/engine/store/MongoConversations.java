package dev.trellis.engine.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Engine;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Event;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.PersonData;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.engine.Turn;
import dev.trellis.engine.Redacted;
import dev.trellis.flow.MessageBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * {@link Conversations} over MongoDB: the person behind the sender, one read, one engine turn, one versioned write
 * (state, transcript, messages and effects together), then delivery of the messages and relay of the effects.
 *
 * <p>Where messages go: a conversation lives in the private place it started (its home, in the document's
 * {@code recipient}). Only an accepted event from a private place moves the home (a DM reached by user id first, by
 * channel id later). An event from a shared place never reaches the engine: it gets a short pointer to the private
 * conversation in its own thread. Each pending message carries its own address, so answering somewhere else (a
 * thread, a rejected click) never re-addresses the conversation.
 */
@Service
class MongoConversations implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(MongoConversations.class);

    /** Inbox keys remembered per conversation; far more than can be in flight for one person at a time. */
    private static final int RECENT_EVENTS = 50;

    private final ConversationStore store;
    private final TextSealing sealing;
    private final Engine engine;
    private final PersonDirectory people;
    private final SharedPlaceReply elsewhere;
    private final Outbox outbox;
    private final ConversationProperties properties;
    private final Clock clock;

    MongoConversations(ConversationStore store, TextSealing sealing, Engine engine, PersonDirectory people,
                       MessageBundle messages, Outbox outbox, ConversationProperties properties, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.engine = engine;
        this.people = people;
        this.elsewhere = new SharedPlaceReply(messages);
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void handle(Inbound inbound) {
        String id = inbound.conversationId();
        String personId = people.resolve(inbound.identity());
        Turn turn = applyAndStore(inbound, id, personId);
        if (turn != null) {
            turn.effects().forEach(effect -> {
                if (effect instanceof Turn.Effect.StepFailed failed) {
                    // ids and the exception only: the person's words stay out of the log
                    log.error("Step {} of flow {} failed in conversation {} (event {}, action {})", failed.stepId(),
                            failed.flowId(), id, inbound.eventId(), failed.action(), Redacted.of(failed.error()));
                }
            });
        }
        // also when the event had been applied already: a node that stopped after storing the turn left its
        // messages and effects in the document, and this is the retry of that event
        outbox.deliver(id);
    }

    /** The stored turn, or null when the event had already been applied. */
    private Turn applyAndStore(Inbound inbound, String id, String personId) {
        String eventKey = inbound.channel() + ":" + inbound.eventId();
        Engine.Subject subject = new Engine.Subject(id, inbound.channel(), personId);
        Event event = toEvent(inbound);
        // read once for all attempts: a write conflict re-applies the turn without reading the person's data again
        PersonData personData = engine.personData(subject);
        for (int attempt = 1; ; attempt++) {
            Optional<ConversationDocument> stored = store.find(id);
            if (stored.isPresent() && stored.get().recentEvents().contains(eventKey)) {
                log.debug("Event {} already applied to conversation {}", eventKey, id);
                return null;
            }
            ConversationState state = stored.map(doc -> sealing.open(doc.owner(), doc.state()))
                    .orElseGet(() -> ConversationState.idle(ConversationState.Profile.DEFAULT));
            state = state.withProfile(state.profile().updatedFrom(inbound.meta()));
            Instant now = clock.instant();
            Turn turn = inbound.place() == Inbound.Place.SHARED ? elsewhere.reply(id, state, inbound)
                    : engine.apply(subject, state, event, now, personData);
            try {
                write(stored, id, personId, inbound, eventKey, turn, now);
                return turn;
            } catch (OptimisticLockingFailureException | DuplicateKeyException conflict) {
                if (attempt >= properties.writeAttempts()) {
                    throw new IllegalStateException("Conversation " + id + " kept changing under event "
                            + eventKey + " (" + attempt + " attempts)", conflict);
                }
                log.debug("Conversation {} changed while applying {}; re-applying", id, eventKey);
            }
        }
    }

    /**
     * Writes the turn: state, transcript lines, messages and effects in one write. Delivered messages and relayed
     * effects are not written back: the outbox drops them (see {@link OutboxStore#lease}).
     */
    private void write(Optional<ConversationDocument> stored, String id, String personId, Inbound inbound,
                       String eventKey, Turn turn, Instant now) {
        long seq = stored.map(ConversationDocument::lastSeq).orElse(0L);
        List<TranscriptEntry> said = new ArrayList<>();
        List<PendingMessage> messages = new ArrayList<>();
        // what is said in a shared place is not part of the private conversation's transcript
        boolean shared = inbound.place() == Inbound.Place.SHARED;
        String typed = shared ? null : typedText(inbound);
        if (typed != null) {
            said.add(sealing.seal(personId, TranscriptEntry.in(++seq, typed, now)));
        }
        Recipient home = home(stored, inbound, turn, personId);
        Recipient to = inbound.kind() == Inbound.Kind.TIMER ? home : here(inbound, personId);
        // nobody is waiting for what a timer says: a reminder fan-out must not hold up a reply to someone who just wrote
        boolean bulk = inbound.kind() == Inbound.Kind.TIMER;
        for (Outbound message : turn.messages()) {
            Outbound sealed = sealing.seal(personId, message);
            ++seq;
            if (!shared) {
                // a message showing someone else's shared items is delivered, but the transcript keeps a stand-in
                String standIn = turn.transcriptStandIns().get(message.id());
                said.add(TranscriptEntry.out(seq, standIn == null ? sealed
                        : sealing.seal(personId, Outbound.text(message.id(), standIn)), now));
            }
            messages.add(PendingMessage.pending(Long.toString(seq), sealed, now, to, bulk));
        }
        long effectNo = stored.map(ConversationDocument::lastEffect).orElse(0L);
        List<StoredEffect> effects = new ArrayList<>();
        for (Turn.Effect effect : turn.effects()) {
            effects.add(StoredEffect.pending(id + ":" + ++effectNo, personId, inbound.channel(),
                    StoredEffect.Content.of(effect, text -> sealing.seal(personId, text)), now));
        }
        store.write(new ConversationStore.TurnWrite(id, stored.map(ConversationDocument::version).orElse(null),
                sealing.seal(personId, turn.state()), home, personId, seq, effectNo, nextWake(inbound, turn, now), now, eventKey, said,
                messages, effects), properties.transcriptSize(), RECENT_EVENTS);
    }

    /**
     * A tick the engine turned down while its wake time had passed would be turned down again on every sweep (and
     * keep other conversations waiting): such a conversation is not swept again until a turn sets a new time.
     */
    private static Instant nextWake(Inbound inbound, Turn turn, Instant now) {
        Instant wakeAt = turn.state().wakeAt();
        boolean declinedTick = inbound.kind() == Inbound.Kind.TIMER && inbound.timer() == null
                && turn.outcome() instanceof Turn.Outcome.Rejected;
        return declinedTick && wakeAt != null && !wakeAt.isAfter(now) ? null : wakeAt;
    }

    /**
     * The conversation's home after this turn: set by its first event from a private place, moved only by an accepted
     * event from a private place (a timer has no place of its own); a shared place, a stale click or a rejected turn
     * never moves it. Null while the person has only written in shared places.
     */
    private static Recipient home(Optional<ConversationDocument> stored, Inbound inbound, Turn turn,
                                  String personId) {
        Recipient known = stored.map(ConversationDocument::recipient).orElse(null);
        boolean privatePlace = inbound.place() == Inbound.Place.PRIVATE;
        boolean timer = inbound.kind() == Inbound.Kind.TIMER;
        boolean accepted = !(turn.outcome() instanceof Turn.Outcome.Rejected);
        if (known == null) {
            return privatePlace ? here(inbound, personId) : null;
        }
        if (privatePlace && !timer && accepted) {
            return here(inbound, personId);
        }
        return new Recipient(known.conversationId(), known.channel(), known.workspace(), known.userId(), personId,
                known.address(), known.meta());
    }

    /** Where an answer to this very event goes: where it happened. */
    private static Recipient here(Inbound inbound, String personId) {
        return new Recipient(inbound.conversationId(), inbound.channel(), inbound.workspace(), inbound.userId(),
                personId, inbound.address(), inbound.meta());
    }

    private static String typedText(Inbound inbound) {
        return switch (inbound.kind()) {
            case MESSAGE, COMMAND -> inbound.text();
            case ACTION, TIMER -> null;
        };
    }

    static Event toEvent(Inbound inbound) {
        return switch (inbound.kind()) {
            case MESSAGE -> new Event.Said(inbound.text() == null ? "" : inbound.text());
            case ACTION -> new Event.Clicked(inbound.controlId(), inbound.values());
            case COMMAND -> new Event.Command(inbound.text() == null ? "" : inbound.text().strip());
            case TIMER -> inbound.timer() == null ? new Event.Tick() : new Event.TimerFired(inbound.timer());
        };
    }

    @Override
    public List<TranscriptEntry> transcript(String conversationId) {
        return store.find(conversationId)
                .map(doc -> doc.transcript().stream().map(entry -> sealing.open(doc.owner(), entry)).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<ConversationState> state(String conversationId) {
        return store.find(conversationId).map(doc -> sealing.open(doc.owner(), doc.state()));
    }

    @Override
    public List<Wake> due(Instant now, int limit) {
        return store.wakingBy(now, limit);
    }

    @Override
    public List<Wake> dueWrittenHere(Instant now, int limit) {
        return store.wakingByWrittenHere(now, limit);
    }
}
