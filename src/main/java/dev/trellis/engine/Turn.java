package dev.trellis.engine;

import java.util.List;

/** The result of applying one event: the next state, what to send, what else happened, and how it went. */
public record Turn(ConversationState state, List<Outbound> messages, List<Effect> effects, Outcome outcome) {

    public Turn {
        messages = List.copyOf(messages);
        effects = List.copyOf(effects);
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

        record ActionFailed(String action, String stepId, String error) implements Effect {
        }
    }
}
