package dev.trellis.flow;

import java.util.Set;

/**
 * What a flow may refer to beyond its own steps: the names of action handlers that exist, and the context
 * variables the engine provides (typed {@code dyn} in CEL). Built from the action handler beans at run time and
 * by scanning for {@code @ActionName} classes in the {@code validate} command.
 */
public record FlowRules(Set<String> actions, Set<String> contextVariables) {

    /** Context variables every conversation has. */
    public static final Set<String> CONTEXT_VARIABLES =
            Set.of("person", "goals", "wheels", "plans", "oneOnOnes", "peer", "lastSession", "lastStep", "today",
                    "now", "zone", "platform");

    public FlowRules {
        actions = Set.copyOf(actions);
        contextVariables = Set.copyOf(contextVariables);
    }

    public static FlowRules withActions(Set<String> actions) {
        return new FlowRules(actions, CONTEXT_VARIABLES);
    }
}
