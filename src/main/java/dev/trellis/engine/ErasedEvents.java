package dev.trellis.engine;

/**
 * Events that must not be processed because the person who sent them erased their data: a platform's late retry of
 * an event they sent before, or an event received before the erasure and still waiting in the inbox. Without this,
 * such an event would resolve the identity again and recreate the person. Implemented by the privacy feature (with
 * tombstones keyed by a pseudonym of the identity); the inbox asks before it hands an event to the engine.
 */
public interface ErasedEvents {

    /** True when {@code inbound} belongs to an erasure that happened after it was received, or repeats such an event. */
    boolean erased(Inbound inbound);

    /** No erasure ever happened. */
    ErasedEvents NONE = inbound -> false;
}
