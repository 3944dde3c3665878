package dev.trellis.engine;

/**
 * An exception as it may be logged: the types and stack frames of it and its causes, without their messages. A
 * message may quote what a person wrote (a failing action's argument, a mapping error listing a document's values),
 * and logs hold ids only.
 */
public final class Redacted extends RuntimeException {

    private Redacted(Throwable original, Redacted cause) {
        // the cause goes in here: initCause after a constructor that was given one (even null) throws
        super(original.getClass().getName(), cause, false, true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code failure} and its causes, each reduced to its type and stack; null stays null. */
    public static Redacted of(Throwable failure) {
        if (failure == null || failure instanceof Redacted) {
            return (Redacted) failure;
        }
        Throwable cause = failure.getCause();
        return new Redacted(failure, cause != null && cause != failure ? of(cause) : null);
    }
}
