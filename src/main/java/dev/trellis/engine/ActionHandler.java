package dev.trellis.engine;

import java.time.Instant;
import java.util.Map;

/**
 * A named Java handler a flow's {@code action} step calls ({@code goals.create}). The engine checks at load time
 * that every action a flow names exists. A handler may be called again with the same {@link Request#idempotencyKey()}
 * (when a conversation write conflicts and the turn is re-applied); it must then not do its work twice.
 */
public interface ActionHandler {

    /** The name flows use, {@code feature.verb}: from the class's {@link ActionName}. */
    default String name() {
        ActionName annotation = getClass().getAnnotation(ActionName.class);
        if (annotation == null) {
            throw new IllegalStateException(getClass().getName() + " has no @ActionName");
        }
        return annotation.value();
    }

    /** Does the work; the returned map is saved under the step's {@code save}. Throwing makes the engine apologise. */
    Map<String, Object> run(Request request) throws Exception;

    /** {@code personId} is the Trellis person id: coaching data a handler writes belongs to it. */
    record Request(String conversationId, String personId, String flowId, String stepId, String idempotencyKey,
                   Map<String, Object> args, Instant now) {
    }
}
