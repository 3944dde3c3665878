package dev.trellis.engine;

import java.time.Instant;
import java.util.List;

/**
 * The conversation engine: a pure function of (state, event, clock) to a {@link Turn}. It imports no Spring,
 * no MongoDB and no platform type; flows, messages, actions and person data come in through its constructor.
 */
public final class Engine {

    /** Who the conversation is with; used for action idempotency keys and person data. */
    public record Subject(String conversationId, String channel, String personId) {
    }

    public Turn apply(Subject subject, ConversationState state, Event event, Instant now) {
        // placeholder until the engine lands: echoes nothing and changes nothing
        return new Turn(state, List.of(), List.of(), new Turn.Outcome.Rejected("engine not implemented"));
    }
}
