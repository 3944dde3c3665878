package dev.trellis.scheduling;

import java.time.Instant;

/**
 * A reminder as it stands in the job store: what it starts, when it fires next, whether the person paused it, and
 * its recurrence spec ({@code every}, null for a one-off).
 */
public record ScheduledReminder(String name, String flowId, Instant next, boolean paused, String every) {

    public ScheduledReminder(String name, String flowId, Instant next, boolean paused) {
        this(name, flowId, next, paused, null);
    }
}
