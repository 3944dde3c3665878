package dev.trellis.flow;

import java.time.Duration;

/** What happens when nobody answers a step within {@code after}. */
public record Timeout(Duration after, String target, Position position) {
}
