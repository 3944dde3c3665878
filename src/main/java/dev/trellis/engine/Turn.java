package dev.trellis.engine;

import java.util.List;

/**
 * The result of applying one event: the next state, what to send, what else happened, how it went, and the steps
 * walked through ({@code flowId/stepId}, for coverage and drop-off figures). {@code transcriptStandIns} maps the id
 * of a message that shows someone else's shared items to what the transcript keeps instead: the message is
 * delivered as it is, but no copy of the other person's words stays in this conversation.
 */
public record Turn(ConversationState state, List<Outbound> messages, List<Effect> effects, Outcome outcome,
                   List<String> visited, java.util.Map<String, String> transcriptStandIns) {

    public Turn {
        messages = List.copyOf(messages);
        effects = List.copyOf(effects);
        visited = visited == null ? List.of() : List.copyOf(visited);
        transcriptStandIns = transcriptStandIns == null ? java.util.Map.of() : java.util.Map.copyOf(transcriptStandIns);
    }

    public Turn(ConversationState state, List<Outbound> messages, List<Effect> effects, Outcome outcome,
                List<String> visited) {
        this(state, messages, effects, outcome, visited, null);
    }

    /** How the event was taken. */
    public sealed interface Outcome {
        /** The conversation moved on (or a command/interrupt was handled). */
        record Advanced() implements Outcome {
        }

        /** The answer was not valid; the question was asked again. */
        record Retried(String stepId, int attempt) implements Outcome {
        }

        /** A flow ended in this turn. */
        record Finished(String flowId, ConversationState.Status status) implements Outcome {
        }

        /** The event changed nothing (a stale click, a failing action): the state is the one before. */
        record Rejected(String reason) implements Outcome {
        }
    }

    /** Something other features react to. Effects carry ids, never what a person wrote. */
    public sealed interface Effect {
        record FlowStarted(String flowId, String flowVersion) implements Effect {
        }

        record FlowEnded(String flowId, ConversationState.Status status, String stepId) implements Effect {
        }

        /**
         * A step failed (an action handler threw, an expression could not be evaluated); the conversation stayed
         * where it was. {@code action} is null when no action was involved.
         */
        record StepFailed(String flowId, String stepId, String action, Throwable error) implements Effect {
        }

        /**
         * A {@code schedule} step set the person's timer {@code name}: start {@code flowId} (at {@code stepId} when
         * given) at {@code at}, or on every occurrence of the recurrence {@code every}, in {@code zone}, with
         * {@code ids} as starting variables. Setting a name again replaces the timer.
         */
        record TimerSet(String name, String flowId, String stepId, java.time.Instant at, String every, String zone,
                        java.util.Map<String, String> ids) implements Effect {
        }

        /** A {@code schedule} step's moment made no sense when it ran (a date in the past): nothing was set. */
        record TimerRefused(String name, String reason) implements Effect {
        }

        /**
         * The person said yes to a {@code share} step at {@code at}: {@code items} ({@code kind:id}, record ids only)
         * may be shown to their {@code audience} ({@code manager}, {@code peerCoach}) from now on. The consent is
         * recorded by whoever listens, keyed by the effect id.
         */
        record Shared(String audience, java.util.List<String> items, java.time.Instant at) implements Effect {
            public Shared {
                items = items == null ? java.util.List.of() : java.util.List.copyOf(items);
            }
        }

        /** An {@code unschedule} step cancelled the person's timer {@code name}. */
        record TimerCancelled(String name) implements Effect {
        }
    }
}
