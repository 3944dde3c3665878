package dev.trellis.flow;

import java.util.List;

/**
 * One step of a flow. {@code save} names the variable the answer (or action result) is stored in; {@code next}
 * lists branches tried in order (empty = the following step); {@code end} finishes the flow after this step.
 */
public record Step(String id, StepKind kind, String save, List<Branch> next, Timeout timeout, boolean end,
                   Position position) {

    public Step {
        next = next == null ? List.of() : List.copyOf(next);
    }

    /** True when the step waits for the person (ask, choice, scale, confirm, share). */
    public boolean waitsForAnswer() {
        return kind instanceof StepKind.Ask || kind instanceof StepKind.Choice
                || kind instanceof StepKind.Scale || kind instanceof StepKind.Confirm
                || kind instanceof StepKind.Share;
    }
}
