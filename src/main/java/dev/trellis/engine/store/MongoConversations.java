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
import dev.trellis.engine.Event;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.engine.Turn;
import dev.trellis.engine.Redacted;
import dev.trellis.engine.TurnEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/** {@link Conversations} over MongoDB: one read, one engine turn, one versioned write, then delivery. */
@Service
class MongoConversations implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(MongoConversations.class);

    /** Inbox keys remembered per conversation; far more than can be in flight for one person at a time. */
    private static final int RECENT_EVENTS = 50;

    private final ConversationStore store;
    private final TextSealing sealing;
    private final Engine engine;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final ConversationProperties properties;
    private final Clock clock;

    MongoConversations(ConversationStore store, TextSealing sealing, Engine engine, Outbox outbox,
                       ApplicationEventPublisher events, ConversationProperties properties, Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.engine = engine;
        this.outbox = outbox;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void handle(Inbound inbound) {
        String id = inbound.conversationId();
        Turn turn = applyAndStore(inbound, id);
        if (turn != null) {
            turn.effects().forEach(effect -> {
                if (effect instanceof Turn.Effect.StepFailed failed) {
                    // ids and the exception only: the person's words stay out of the log
                    log.error("Step {} of flow {} failed in conversation {} (event {}, action {})", failed.stepId(),
                            failed.flowId(), id, inbound.eventId(), failed.action(), Redacted.of(failed.error()));
                }
                events.publishEvent(new TurnEffect(id, inbound.channel(), inbound.personId(), effect));
            });
        }
        outbox.deliver(id);
    }

    /** The stored turn, or null when the event had already been applied. */
    private Turn applyAndStore(Inbound inbound, String id) {
        String eventKey = inbound.channel() + ":" + inbound.eventId();
        Engine.Subject subject = new Engine.Subject(id, inbound.channel(), inbound.personId());
        Event event = toEvent(inbound);
        for (int attempt = 1; ; attempt++) {
            Optional<ConversationDocument> stored = store.find(id);
            if (stored.isPresent() && stored.get().recentEvents().contains(eventKey)) {
                log.debug("Event {} already applied to conversation {}", eventKey, id);
                return null;
            }
            ConversationState state = stored.map(doc -> sealing.open(id, doc.state()))
                    .orElseGet(() -> ConversationState.idle(ConversationState.Profile.DEFAULT));
            state = state.withProfile(state.profile().updatedFrom(inbound.meta()));
            Instant now = clock.instant();
            Turn turn = engine.apply(subject, state, event, now);
            try {
                store.save(next(stored, id, inbound, eventKey, turn, now));
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

    private ConversationDocument next(Optional<ConversationDocument> stored, String id, Inbound inbound,
                                      String eventKey, Turn turn, Instant now) {
        long seq = stored.map(ConversationDocument::lastSeq).orElse(0L);
        List<TranscriptEntry> transcript = new ArrayList<>(stored.map(ConversationDocument::transcript)
                .orElse(List.of()));
        List<PendingMessage> pending = new ArrayList<>(stored.map(ConversationDocument::pending).orElse(List.of())
                .stream().filter(message -> message.status() == PendingMessage.Status.PENDING).toList());
        String typed = typedText(inbound);
        if (typed != null) {
            transcript.add(sealing.seal(id, TranscriptEntry.in(++seq, typed, now)));
        }
        for (Outbound message : turn.messages()) {
            Outbound sealed = sealing.seal(id, message);
            transcript.add(TranscriptEntry.out(++seq, sealed, now));
            pending.add(PendingMessage.pending(Long.toString(seq), sealed, now));
        }
        List<String> recent = new ArrayList<>(stored.map(ConversationDocument::recentEvents).orElse(List.of()));
        recent.add(eventKey);
        return new ConversationDocument(id, stored.map(ConversationDocument::version).orElse(null),
                sealing.seal(id, turn.state()), recipient(stored, inbound), pending,
                last(transcript, properties.transcriptSize()), seq, last(recent, RECENT_EVENTS),
                stored.map(ConversationDocument::sendLeaseUntil).orElse(null),
                stored.map(ConversationDocument::sendOwner).orElse(null), nextWake(inbound, turn, now), now);
    }

    /**
     * A tick the engine turned down while its wake time had passed would be turned down again on every sweep (and
     * keep other conversations waiting): such a conversation is not swept again until a turn sets a new time.
     */
    private static Instant nextWake(Inbound inbound, Turn turn, Instant now) {
        Instant wakeAt = turn.state().wakeAt();
        boolean declinedTick = inbound.kind() == Inbound.Kind.TIMER && inbound.controlId() == null
                && turn.outcome() instanceof Turn.Outcome.Rejected;
        return declinedTick && wakeAt != null && !wakeAt.isAfter(now) ? null : wakeAt;
    }

    /** Replies go where the person last wrote from; a timer has no address of its own. */
    private static Recipient recipient(Optional<ConversationDocument> stored, Inbound inbound) {
        Optional<Recipient> known = stored.map(ConversationDocument::recipient);
        if (inbound.kind() == Inbound.Kind.TIMER && known.isPresent()) {
            return known.get();
        }
        return new Recipient(inbound.conversationId(), inbound.channel(), inbound.personId(), inbound.address(),
                inbound.meta());
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
            case TIMER -> inbound.controlId() == null
                    ? new Event.Tick()
                    : new Event.TimerFired(inbound.controlId(), inbound.text(), Map.copyOf(inbound.meta()));
        };
    }

    private static <T> List<T> last(List<T> list, int size) {
        return list.size() <= size ? list : List.copyOf(list.subList(list.size() - size, list.size()));
    }

    @Override
    public List<TranscriptEntry> transcript(String conversationId) {
        return store.find(conversationId)
                .map(doc -> doc.transcript().stream().map(entry -> sealing.open(conversationId, entry)).toList())
                .orElse(List.of());
    }

    @Override
    public Optional<ConversationState> state(String conversationId) {
        return store.find(conversationId).map(doc -> sealing.open(conversationId, doc.state()));
    }

    @Override
    public List<Wake> due(Instant now, int limit) {
        return store.wakingBy(now, limit);
    }
}
