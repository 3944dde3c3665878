package dev.trellis.flow;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded, validated flow at one version. {@code version} is the content hash of its source, so a running
 * conversation can finish on the version it started on. {@code idleLimit} is how long a conversation may sit
 * unanswered before it is closed as abandoned. {@code migrations} maps step ids of older versions to steps of
 * this one. {@code listed} says whether the flow appears in the menu. {@code params} are variables a caller
 * passes in with {@code call ... with:} (or a timer with its event); they count as defined from the start.
 * {@code welcome} marks the flow the menu offers first to someone Trellis has never talked with.
 */
public record Flow(String id, String title, String description, String start, List<String> params, List<Step> steps,
                   Map<String, String> migrations, Duration idleLimit, boolean listed, String version,
                   String source, String file, boolean welcome) {

    public static final Duration DEFAULT_IDLE_LIMIT = Duration.ofDays(14);

    public Flow {
        steps = List.copyOf(steps);
        params = params == null ? List.of() : List.copyOf(params);
        migrations = migrations == null ? Map.of() : Map.copyOf(migrations);
        idleLimit = idleLimit == null ? DEFAULT_IDLE_LIMIT : idleLimit;
    }

    /** A flow that is not the welcome flow. */
    public Flow(String id, String title, String description, String start, List<String> params, List<Step> steps,
                Map<String, String> migrations, Duration idleLimit, boolean listed, String version, String source,
                String file) {
        this(id, title, description, start, params, steps, migrations, idleLimit, listed, version, source, file, false);
    }

    public Optional<Step> step(String stepId) {
        for (Step s : steps) {
            if (s.id().equals(stepId)) return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The step after {@code stepId} in file order, if any. */
    public Optional<Step> following(String stepId) {
        for (int i = 0; i < steps.size() - 1; i++) {
            if (steps.get(i).id().equals(stepId)) return Optional.of(steps.get(i + 1));
        }
        return Optional.empty();
    }

    public Map<String, Step> stepsById() {
        Map<String, Step> byId = new LinkedHashMap<>();
        steps.forEach(s -> byId.putIfAbsent(s.id(), s));
        return byId;
    }
}
