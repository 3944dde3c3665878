package dev.trellis.engine;

/** What the inbox does with an event it gave up on after every retry: the person hears that it was not taken in. */
public interface FailedEvents {

    /**
     * Tells the person of {@code inbound}'s conversation, in a short apology, that their message could not be taken
     * in. Throws when the apology cannot be stored; the caller logs that and moves on.
     */
    void gaveUp(Inbound inbound);

    FailedEvents SILENT = inbound -> { };
}
