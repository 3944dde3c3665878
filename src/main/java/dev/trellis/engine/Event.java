package dev.trellis.engine;

import java.util.List;

/** What happened to a conversation, independent of the channel it came from. */
public sealed interface Event {

    /** The person typed {@code text}. Interrupt words (help, back, stop, menu, pause) are recognised here. */
    record Said(String text) implements Event {
        public Said {
            text = TypedText.clean(text);
        }
    }

    /** The person clicked or selected on control {@code controlId}. */
    record Clicked(String controlId, List<String> values) implements Event {
        public Clicked {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** A command: {@code args} is what follows {@code /coach} (empty = menu, a flow id, {@code stop}, {@code help}). */
    record Command(String args) implements Event {
    }

    /** Time passed: the engine checks step timeouts and the idle limit against the clock. */
    record Tick() implements Event {
    }

    /**
     * A scheduled timer fired: starts its flow when no other flow runs; otherwise it waits in the conversation and is
     * offered when the running flow ends.
     */
    record TimerFired(Inbound.Timer timer) implements Event {
    }
}
