package dev.trellis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one conversation (one person on one channel) stands. Pure data: the engine turns a state and an event
 * into the next state. {@code flowId}/{@code flowVersion}/{@code stepId} are null when no flow runs.
 * {@code turn} counts applied events; message and control ids are derived from it. {@code question} is the
 * question waiting for an answer. {@code wakeAt} is the earliest moment the engine wants a {@link Event.Tick} (a step
 * timeout or the idle limit).
 *
 * @param vars     the flow's variables: String, Long, Double, Boolean, List and Map values only
 * @param stack    callers of the running sub-flow, innermost last
 * @param history  earlier question steps of the running flow with the variables before them, for {@code back}
 * @param actions  action steps run in this conversation, less those {@code back} undid: an action's idempotency key
 *                 carries it, so redoing a step after {@code back} reuses the key and a later step never does
 * @param timers   timers that fired while another flow ran, oldest first: offered when that flow ends
 */
public record ConversationState(String flowId, String flowVersion, String stepId, Map<String, Object> vars,
                                Status status, int attempts, List<Frame> stack, List<Snapshot> history, long turn,
                                OpenQuestion question, Instant wakeAt, Instant lastActivityAt, Instant startedAt,
                                Profile profile, Long actions, List<Inbound.Timer> timers) {

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

    /** A question step visited earlier, with the variables and action count as they were before it was asked. */
    public record Snapshot(String stepId, Map<String, Object> vars, Long actions) {
        public Snapshot {
            actions = actions == null ? 0L : actions;
        }
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
        timers = timers == null ? List.of() : List.copyOf(timers);
        // boxed so that documents stored before the count existed read as 0
        actions = actions == null ? 0L : actions;
        status = status == null ? Status.IDLE : status;
        profile = profile == null ? Profile.DEFAULT : profile;
    }

    public static ConversationState idle(Profile profile) {
        return new ConversationState(null, null, null, Map.of(), Status.IDLE, 0, List.of(), List.of(), 0, null,
                null, null, null, profile, 0L, List.of());
    }

    /** The same state for a person whose profile is now {@code newProfile}. */
    public ConversationState withProfile(Profile newProfile) {
        return new ConversationState(flowId, flowVersion, stepId, vars, status, attempts, stack, history, turn,
                question, wakeAt, lastActivityAt, startedAt, newProfile, actions, timers);
    }

    /** The control id of the open question; null when none is open. */
    public String openControl() {
        return question == null ? null : question.controlId();
    }

    public boolean running() {
        return status == Status.ACTIVE || status == Status.PAUSED;
    }
}
