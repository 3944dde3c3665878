package dev.trellis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one conversation (one person on one channel) stands. Pure data: the engine turns a state and an event
 * into the next state. {@code flowId}/{@code flowVersion}/{@code stepId} are null when no flow runs.
 * {@code turn} counts applied events; control ids and action idempotency keys are derived from it.
 * {@code openControl} is the control id of the question waiting for an answer. {@code wakeAt} is the earliest
 * moment the engine wants a {@link Event.Tick} (a step timeout or the idle limit).
 *
 * @param vars     the flow's variables: String, Long, Double, Boolean, List and Map values only
 * @param stack    callers of the running sub-flow, innermost last
 * @param history  earlier question steps of the running flow with the variables before them, for {@code back}
 */
public record ConversationState(String flowId, String flowVersion, String stepId, Map<String, Object> vars,
                                Status status, int attempts, List<Frame> stack, List<Snapshot> history, long turn,
                                String openControl, Instant wakeAt, Instant lastActivityAt, Instant startedAt,
                                Profile profile) {

    public enum Status {
        /** No flow is running (new, or after one ended). */
        IDLE,
        /** A flow is running. */
        ACTIVE,
        /** The last flow finished normally. */
        FINISHED,
        /** The person stopped the last flow. */
        STOPPED,
        /** Nobody answered within the flow's idle limit. */
        ABANDONED,
        /** The person paused the flow; any message resumes it. */
        PAUSED
    }

    /** A caller waiting for a sub-flow: resumes after {@code stepId} with {@code vars}. */
    public record Frame(String flowId, String flowVersion, String stepId, Map<String, Object> vars) {
    }

    /** A question step visited earlier, with the variables as they were before it was asked. */
    public record Snapshot(String stepId, Map<String, Object> vars) {
    }

    /** What the engine knows about the person for wording and dates. */
    public record Profile(String name, String locale, String timezone) {
        public static final Profile DEFAULT = new Profile(null, "en", "UTC");

        /** This profile updated with what a channel learned ({@link Inbound#META_NAME} ...); absent keys keep their value. */
        public Profile updatedFrom(java.util.Map<String, String> meta) {
            return new Profile(meta.getOrDefault(Inbound.META_NAME, name),
                    meta.getOrDefault(Inbound.META_LOCALE, locale), meta.getOrDefault(Inbound.META_TIMEZONE, timezone));
        }
    }

    public ConversationState {
        vars = vars == null ? Map.of() : vars;
        stack = stack == null ? List.of() : List.copyOf(stack);
        history = history == null ? List.of() : List.copyOf(history);
        status = status == null ? Status.IDLE : status;
        profile = profile == null ? Profile.DEFAULT : profile;
    }

    public static ConversationState idle(Profile profile) {
        return new ConversationState(null, null, null, Map.of(), Status.IDLE, 0, List.of(), List.of(), 0, null,
                null, null, null, profile);
    }

    /** The same state for a person whose profile is now {@code newProfile}. */
    public ConversationState withProfile(Profile newProfile) {
        return new ConversationState(flowId, flowVersion, stepId, vars, status, attempts, stack, history, turn,
                openControl, wakeAt, lastActivityAt, startedAt, newProfile);
    }

    public boolean running() {
        return status == Status.ACTIVE || status == Status.PAUSED;
    }
}
