package dev.trellis.coaching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the reminders of a 1:1 series come: the manager's nudge {@code nudgeBefore} the meeting (default an hour),
 * and both are asked for the actions they agreed {@code askAfter} it (default an hour, moved into working hours).
 * The employee's preparation comes a day before, in their working hours.
 */
@ConfigurationProperties("trellis.one-on-one")
public record OneOnOneProperties(Duration nudgeBefore, Duration askAfter) {

    public OneOnOneProperties {
        nudgeBefore = nudgeBefore == null ? Duration.ofHours(1) : nudgeBefore;
        askAfter = askAfter == null ? Duration.ofHours(1) : askAfter;
        if (nudgeBefore.isNegative() || nudgeBefore.compareTo(Duration.ofHours(23)) > 0
                || askAfter.isNegative() || askAfter.compareTo(Duration.ofHours(23)) > 0) {
            throw new IllegalArgumentException("trellis.one-on-one.nudge-before and ask-after are 0 to 23 hours");
        }
    }
}
