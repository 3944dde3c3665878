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

    /** Raised when a handler fails; the engine apologises and keeps the conversation where it was. */
    static final class ActionFailure extends RuntimeException {
        final String action;

        ActionFailure(String action, Throwable cause) {
            super("action '" + action + "' failed", cause);
            this.action = action;
        }
    }

    Map<String, Object> run(TurnRun run, Step step, StepKind.Action action) {
        ActionHandler handler = handlers.get(action.name());
        if (handler == null) throw new ActionFailure(action.name(), new IllegalStateException("no handler"));
        Map<String, Object> args = new LinkedHashMap<>();
        Map<String, Object> scope = run.activation();
        action.with().forEach((name, expr) -> args.put(name, expr.evaluate(scope)));
        Engine.Subject who = run.subject();
        String key = who.conversationId() + ":" + run.turn + ":" + step.id();
        try {
            Map<String, Object> result = handler.run(new ActionHandler.Request(who.conversationId(), who.personId(),
                    run.flowId, step.id(), key, args, run.now()));
            return result == null ? Map.of() : result;
        } catch (Exception e) {
            throw new ActionFailure(action.name(), e);
        }
    }
}
