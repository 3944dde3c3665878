package dev.trellis.engine.store;

import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Redacted;
import dev.trellis.engine.Turn;

/**
 * A {@link Turn.Effect} waiting in the conversation document to be relayed to the features that react to it. It is
 * written with the turn that caused it (one write, like the turn's pending messages), so a node that stops right
 * after storing the turn loses nothing: whichever node delivers the conversation next relays it (see
 * {@link EffectRelay}). Relayed effects leave the document.
 *
 * @param id            {@code <conversationId>:<n>}, numbered per conversation; the same on every relay of the
 *                      effect, so a listener can tell a second hearing from a new effect
 * @param personId      the Trellis person the turn was for
 * @param channel       the channel the turn's event came from
 * @param status        {@code FAILED} once its listeners kept failing for the relay budget (then it is dropped at
 *                      the next delivery)
 * @param attempts      relays tried so far
 * @param nextAttemptAt not relayed before this moment (after a listener failed); later effects wait for it
 * @param createdAt     when the turn stored it: its relay budget counts from here
 * @param failure       the exception type of the last failed relay (never its message)
 */
record StoredEffect(String id, String personId, String channel, Content effect, Status status, int attempts,
                    Instant nextAttemptAt, Instant createdAt, String failure) {

    enum Status { PENDING, FAILED }

    static StoredEffect pending(String id, String personId, String channel, Content effect, Instant at) {
        return new StoredEffect(id, personId, channel, effect, Status.PENDING, 0, at, at, null);
    }

    boolean dueAt(Instant now) {
        return status == Status.PENDING && !nextAttemptAt.isAfter(now);
    }

    /** The kinds of effect, one per {@link Turn.Effect} record. */
    enum Kind { FLOW_STARTED, FLOW_ENDED, STEP_FAILED, TIMER_SET, TIMER_REFUSED, TIMER_CANCELLED, SHARED }

    /**
     * What an effect says, flattened so the stored form does not depend on Java class names. Ids and names only: a
     * failed step keeps the type of its exception (its message and stack may quote the person), and a refused
     * timer's reason (which may quote a value the flow computed from an answer) is sealed like the transcript.
     */
    record Content(Kind kind, String flowId, String flowVersion, String stepId, ConversationState.Status flowStatus,
                   String action, String errorType, String name, Instant at, String every, String zone,
                   Map<String, String> ids, String reason, java.util.List<String> items) {

        static Content of(Turn.Effect effect, UnaryOperator<String> seal) {
            if (effect instanceof Turn.Effect.FlowStarted e) {
                return new Content(Kind.FLOW_STARTED, e.flowId(), e.flowVersion(), null, null, null, null, null, null,
                        null, null, null, null, null);
            }
            if (effect instanceof Turn.Effect.FlowEnded e) {
                return new Content(Kind.FLOW_ENDED, e.flowId(), null, e.stepId(), e.status(), null, null, null, null,
                        null, null, null, null, null);
            }
            if (effect instanceof Turn.Effect.StepFailed e) {
                return new Content(Kind.STEP_FAILED, e.flowId(), null, e.stepId(), null, e.action(),
                        typeOf(e.error()), null, null, null, null, null, null, null);
            }
            if (effect instanceof Turn.Effect.TimerSet e) {
                return new Content(Kind.TIMER_SET, e.flowId(), null, e.stepId(), null, null, null, e.name(), e.at(),
                        e.every(), e.zone(), e.ids(), null, null);
            }
            if (effect instanceof Turn.Effect.TimerRefused e) {
                return new Content(Kind.TIMER_REFUSED, null, null, null, null, null, null, e.name(), null, null, null,
                        null, seal.apply(e.reason()), null);
            }
            if (effect instanceof Turn.Effect.TimerCancelled e) {
                return new Content(Kind.TIMER_CANCELLED, null, null, null, null, null, null, e.name(), null, null,
                        null, null, null, null);
            }
            if (effect instanceof Turn.Effect.Shared e) {
                return new Content(Kind.SHARED, null, null, null, null, null, null, e.audience(), e.at(), null, null,
                        null, null, e.items());
            }
            throw new IllegalStateException("no stored form for effect " + effect.getClass().getName());
        }

        /** The failure's type: a {@link Redacted} (as the engine hands failures on) names the type it stands for. */
        private static String typeOf(Throwable error) {
            if (error == null) return null;
            return error instanceof Redacted || error instanceof StoredFailure ? error.getMessage()
                    : error.getClass().getName();
        }

        Turn.Effect toEffect(UnaryOperator<String> open) {
            return switch (kind) {
                case FLOW_STARTED -> new Turn.Effect.FlowStarted(flowId, flowVersion);
                case FLOW_ENDED -> new Turn.Effect.FlowEnded(flowId, flowStatus, stepId);
                case STEP_FAILED -> new Turn.Effect.StepFailed(flowId, stepId, action,
                        errorType == null ? null : new StoredFailure(errorType));
                case TIMER_SET -> new Turn.Effect.TimerSet(name, flowId, stepId, at, every, zone,
                        ids == null ? Map.of() : ids);
                case TIMER_REFUSED -> new Turn.Effect.TimerRefused(name, open.apply(reason));
                case TIMER_CANCELLED -> new Turn.Effect.TimerCancelled(name);
                case SHARED -> new Turn.Effect.Shared(name, items, at);
            };
        }
    }

    /**
     * A failure as a relayed {@link Turn.Effect.StepFailed} carries it: only its type survived the store (the stack
     * was logged, redacted, when the turn ran).
     */
    static final class StoredFailure extends RuntimeException {
        StoredFailure(String type) {
            super(type, null, false, false);
        }
    }
}
