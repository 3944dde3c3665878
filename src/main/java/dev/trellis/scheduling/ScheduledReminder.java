package dev.trellis.scheduling;

import java.time.Instant;

/** A reminder as it stands in the job store: what it starts, when it fires next, whether the person paused it. */
public record ScheduledReminder(String name, String flowId, Instant next, boolean paused) {
}
