package dev.trellis.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.Recurrence;

/**
 * A reminder to set for one person (a Trellis person id): at {@code due}, start {@code flowId} in the person's
 * conversation with {@code to} (replies go to {@code address} when the conversation has no home yet) with {@code ids}
 * as its starting variables.
 * {@code name} is unique per person: setting a reminder of the same name again replaces it. A reminder that fires
 * more than {@code tolerance} late is skipped, unless {@code sendBefore} is still ahead (a 1:1 nudge before its
 * meeting is worth sending late).
 *
 * <p>{@code repeat} makes it recur in the person's wall-clock time ({@code due} may then be null: the first
 * occurrence is the recurrence's next). {@code zone} is the timezone the platform reports for the person; one they
 * chose themselves wins. With {@code inWorkingTime} an occurrence outside their working hours moves to the next
 * working moment. {@code stepId} (may be null: the flow's start) is the step of the flow the reminder resumes at.
 *
 * @param ids record ids and choices only (a goal id, a date): never text a person wrote
 */
public record Reminder(String personId, String name, PlatformIdentity to, String address, String flowId,
                       Map<String, String> ids, Instant due, Duration tolerance, Instant sendBefore,
                       Recurrence repeat, String zone, boolean inWorkingTime, String stepId) {

    /** How late a reminder may be before it is skipped, unless said otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofHours(2);

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,119}");
    private static final int MAX_IDS = 20;
    private static final int MAX_ID_LENGTH = 200;

    public Reminder {
        Objects.requireNonNull(personId, "personId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(flowId, "flowId");
        if (due == null && repeat == null) throw new IllegalArgumentException("a reminder needs a moment or a recurrence");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a reminder name is letters, digits and . _ : - (got '" + name + "')");
        }
        ids = ids == null ? Map.of() : Map.copyOf(ids);
        if (ids.size() > MAX_IDS || ids.values().stream().anyMatch(v -> v.length() > MAX_ID_LENGTH)) {
            throw new IllegalArgumentException("a reminder carries a few short ids, not text");
        }
        tolerance = tolerance == null ? DEFAULT_TOLERANCE : tolerance;
        if (tolerance.isNegative()) throw new IllegalArgumentException("tolerance must not be negative");
        if (stepId != null && !NAME.matcher(stepId).matches()) {
            throw new IllegalArgumentException("not a step id: '" + stepId + "'");
        }
    }

    /** A reminder that starts its flow at the flow's start. */
    public Reminder(String personId, String name, PlatformIdentity to, String address, String flowId,
                    Map<String, String> ids, Instant due, Duration tolerance, Instant sendBefore, Recurrence repeat,
                    String zone, boolean inWorkingTime) {
        this(personId, name, to, address, flowId, ids, due, tolerance, sendBefore, repeat, zone, inWorkingTime, null);
    }

    /** The same reminder, resuming its flow at {@code step}. */
    public Reminder startingAt(String step) {
        return new Reminder(personId, name, to, address, flowId, ids, due, tolerance, sendBefore, repeat, zone,
                inWorkingTime, step);
    }

    public static Reminder of(String personId, String name, PlatformIdentity to, String address, String flowId,
                              Map<String, String> ids, Instant due) {
        return new Reminder(personId, name, to, address, flowId, ids, due, DEFAULT_TOLERANCE, null, null, null,
                false);
    }

    /** The same reminder, recurring in {@code zone} and kept within the person's working time. */
    public Reminder repeating(Recurrence recurrence, String platformZone) {
        return new Reminder(personId, name, to, address, flowId, ids, due, tolerance, sendBefore, recurrence,
                platformZone, true, stepId);
    }

    /** The same reminder, moved into the person's working time (timezone from the platform unless they chose one). */
    public Reminder inWorkingTime(String platformZone) {
        return new Reminder(personId, name, to, address, flowId, ids, due, tolerance, sendBefore, repeat,
                platformZone, true, stepId);
    }

    /** The same reminder, sent late (beyond its tolerance) as long as {@code deadline} is ahead. */
    public Reminder sendingBefore(Instant deadline) {
        return new Reminder(personId, name, to, address, flowId, ids, due, tolerance, deadline, repeat, zone,
                inWorkingTime, stepId);
    }

    /** The same reminder due at another moment (the next occurrence, a snooze). */
    public Reminder at(Instant when) {
        return new Reminder(personId, name, to, address, flowId, ids, when, tolerance, sendBefore, repeat, zone,
                inWorkingTime, stepId);
    }
}
