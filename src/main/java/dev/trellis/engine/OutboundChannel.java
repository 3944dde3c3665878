package dev.trellis.engine;

/**
 * A channel that delivers outbound messages (implemented by each channel adapter; the engine never sees a
 * platform type). Delivery happens after the conversation with its pending messages was written, so a crash
 * between the two re-delivers rather than loses: implementations should tolerate a repeated message id.
 */
public interface OutboundChannel {

    /** The channel name used in {@link Inbound#channel()}: {@code web}, {@code slack}, {@code teams}. */
    String channel();

    Delivery deliver(Recipient to, Outbound message);
}
