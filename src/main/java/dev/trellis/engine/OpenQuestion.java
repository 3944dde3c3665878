package dev.trellis.engine;

/**
 * The question a conversation waits on, as data: which kind of question it is and what answering it needs. A click
 * is taken only when it names the open question's {@link #controlId()}; the kind says what the answer means, so no
 * part of the engine reads meaning out of a control id.
 */
public sealed interface OpenQuestion {

    /** The id the question's controls carry; unique within the conversation. */
    String controlId();

    /** The running flow step's own question (an ask, choice, scale or confirm step). */
    record Step(String controlId) implements OpenQuestion {
    }

    /** A reflection of the person's answer to the current step, to confirm or correct. */
    record ReflectConfirm(String controlId) implements OpenQuestion {
    }

    /** A follow-up asking for the answer in the person's own words; its answer is taken as it is. */
    record Probe(String controlId) implements OpenQuestion {
    }

    /** After words of distress: carry on, pause or stop? */
    record Care(String controlId) implements OpenQuestion {
    }

    /** "Stop the running flow and start {@code flowId}?" */
    record FlowSwitch(String controlId, String flowId) implements OpenQuestion {
    }

    /** "The running flow changed and cannot continue: start it again?" */
    record Restart(String controlId) implements OpenQuestion {
    }

    /** "A timer that waited for the last flow to end is due: start its flow now?" */
    record TimerOffer(String controlId, String timerId) implements OpenQuestion {
    }

    /** A control id for an engine question of {@code kind} asked in {@code turn}; never equal to a step's. */
    static String engineControl(long turn, String kind) {
        // '#' never appears in a step id, so no step question's control can look like this one
        return turn + "#" + kind;
    }
}
