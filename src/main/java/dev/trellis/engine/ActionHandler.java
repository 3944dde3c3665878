package dev.trellis.engine;

import java.time.Instant;
import java.util.Map;

/**
 * A named Java handler a flow's {@code action} step calls ({@code goals.create}). The engine checks at load time
 * that every action a flow names exists. A handler may be called again with the same {@link Request#idempotencyKey()}:
 * when a turn is applied again (a write conflict, a crash, a retry after an infrastructure failure) with the same
 * arguments, and when the person went {@code back} over the step and answered again, possibly differently. It must
 * then not do its work twice: a record created under a key is updated, never created again.
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

    /**
     * Does the work; the returned map is saved under the step's {@code save}. Throwing makes the engine apologise,
     * except for an {@link InfrastructureFailure} (or a store failure the application classifies as one): that leaves
     * the event in the inbox to be tried again.
     */
    Map<String, Object> run(Request request) throws Exception;

    /**
     * {@code personId} is the Trellis person id: coaching data a handler writes belongs to it. {@code locale} is the
     * conversation's ({@code en}, {@code de-AT}): words a handler returns for the person to read are in it.
     */
    record Request(String conversationId, String personId, String flowId, String stepId, String idempotencyKey,
                   Map<String, Object> args, Instant now, String locale) {

        public Request {
            locale = locale == null || locale.isBlank() ? "en" : locale;
        }

        /** A request in English. */
        public Request(String conversationId, String personId, String flowId, String stepId, String idempotencyKey,
                       Map<String, Object> args, Instant now) {
            this(conversationId, personId, flowId, stepId, idempotencyKey, args, now, "en");
        }
    }
}
