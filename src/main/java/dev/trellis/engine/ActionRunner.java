package dev.trellis.engine;

import dev.trellis.flow.Step;
import dev.trellis.flow.StepKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Runs {@code action} steps through the named handlers. */
final class ActionRunner {

    private final Map<String, ActionHandler> handlers;

    ActionRunner(List<ActionHandler> handlers) {
        this.handlers = handlers.stream().collect(Collectors.toMap(ActionHandler::name, Function.identity()));
    }

    /**
     * Raised when a handler fails; the engine apologises and keeps the conversation where it was, unless the cause is
     * an infrastructure failure (then the turn is retried).
     */
    static final class ActionFailure extends RuntimeException {
        final String action;

        ActionFailure(String action, Throwable cause) {
            super("action '" + action + "' failed", cause);
            this.action = action;
        }
    }

    /**
     * The key of one run of an action step: the conversation, the flow version and step, and the count of actions the
     * conversation had run by then. The same turn applied again (after a crash or a write conflict) and the same step
     * redone after {@code back} get the same key; any later, different run gets a new one.
     */
    static String idempotencyKey(Engine.Subject who, String flowId, String flowVersion, String stepId, long count) {
        return who.conversationId() + ":" + flowId + "@" + flowVersion + ":" + stepId + ":" + count;
    }

    Map<String, Object> run(TurnRun run, Step step, StepKind.Action action) {
        ActionHandler handler = handlers.get(action.name());
        if (handler == null) throw new ActionFailure(action.name(), new IllegalStateException("no handler"));
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, Object> scope = run.activation();
        action.with().forEach((name, expr) -> args.put(name, expr.evaluate(scope)));
        Engine.Subject who = run.subject();
        String key = idempotencyKey(who, run.flowId, run.flowVersion, step.id(), run.actions);
        try {
            Map<String, Object> result = handler.run(new ActionHandler.Request(who.conversationId(), who.personId(),
                    run.flowId, step.id(), key, args, run.now(), run.locale()));
            return result == null ? Map.of() : result;
        } catch (Exception e) {
            throw new ActionFailure(action.name(), e);
        }
    }
}
