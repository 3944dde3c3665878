package dev.trellis.engine;

/**
 * A failure of the world around a turn (a store timing out, a lost optimistic lock on a coaching record, a database
 * that is down), as opposed to a handler's own domain failure. An action handler may throw it (or the application
 * may classify its framework's exceptions as such, see {@link Engine}); the engine then does not apologise but lets
 * the failure reach the inbox, which keeps the event and tries the whole turn again.
 */
public class InfrastructureFailure extends RuntimeException {

    public InfrastructureFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
