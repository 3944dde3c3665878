package dev.trellis.engine.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.trellis.engine.Redacted;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Relays the effects stored with a conversation's turns to the features that react to them, as {@link TurnEffect}
 * application events, in the order the turns made them. It runs under the outbox's lease of the conversation (see
 * {@link Outbox}): one relay at a time per conversation across nodes, and whatever a stopped node left is relayed by
 * the next delivery of that conversation (the inbox's retry of the event, or the poller once the lease ran out).
 *
 * <p>An effect leaves the document after its listeners returned. A node that stops in between relays it again later,
 * so listeners hear an effect at least once and tell a repeat by {@link TurnEffect#effectId()}. A listener that
 * throws (a scheduler that is down) holds back the effects after it, which are tried again with a back-off for
 * {@link OutboxProperties#deliveryBudget()}; then the effect is given up, logged with its ids, and the rest go on.
 */
@Component
class EffectRelay {

    private static final Logger log = LoggerFactory.getLogger(EffectRelay.class);

    private final OutboxStore store;
    private final TextSealing sealing;
    private final ApplicationEventPublisher events;
    private final OutboxProperties budget;
    private final Clock clock;

    EffectRelay(OutboxStore store, TextSealing sealing, ApplicationEventPublisher events, OutboxProperties budget,
                Clock clock) {
        this.store = store;
        this.sealing = sealing;
        this.events = events;
        this.budget = budget;
        this.clock = clock;
    }

    /** Relays the due effects of {@code doc}, whose outbox {@code owner} holds; stops at one that must wait. */
    void relayDue(ConversationDocument doc, String owner) {
        for (StoredEffect effect : doc.effects()) {
            if (effect.status() != StoredEffect.Status.PENDING) {
                continue;
            }
            if (!effect.dueAt(clock.instant()) || !relay(doc.id(), owner, effect)) {
                return; // keeps the order: a timer cancelled after it was set stays cancelled
            }
        }
    }

    /** True when the effects after this one may go on. */
    private boolean relay(String id, String owner, StoredEffect stored) {
        Turn.Effect effect = stored.effect().toEffect(text -> sealing.open(stored.personId(), text));
        try {
            events.publishEvent(new TurnEffect(stored.id(), id, stored.channel(), stored.personId(), effect));
        } catch (RuntimeException e) {
            int attempt = stored.attempts() + 1;
            Instant now = clock.instant();
            String failure = e.getClass().getName();
            if (now.isBefore(stored.createdAt().plus(budget.deliveryBudget()))) {
                log.warn("Effect {} ({}) of conversation {} not relayed (attempt {}); trying again", stored.id(),
                        stored.effect().kind(), id, attempt, Redacted.of(e));
                store.markEffectRetry(id, owner, stored.id(), attempt, now.plus(backoff(attempt)), failure);
                return false;
            }
            log.error("Effect {} ({}) of conversation {} given up after {} attempts over {}", stored.id(),
                    stored.effect().kind(), id, attempt, budget.deliveryBudget(), Redacted.of(e));
            return store.markEffectFailed(id, owner, stored.id(), attempt, failure);
        }
        return store.effectRelayed(id, owner, stored.id());
    }

    private static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(300, 1L << Math.min(attempts, 8)));
    }

    /** When the first effect still to relay may be tried; the ones after it wait for it. */
    static Optional<Instant> nextTry(ConversationDocument doc) {
        return doc.effects().stream().filter(e -> e.status() == StoredEffect.Status.PENDING).findFirst()
                .map(StoredEffect::nextAttemptAt);
    }
}
