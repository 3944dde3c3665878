package dev.trellis.engine;

import java.time.Instant;

/**
 * A channel that delivers outbound messages (implemented by each channel adapter; the engine never sees a
 * platform type). Delivery happens after the conversation with its pending messages was written, so a crash
 * between the two re-delivers rather than loses: implementations should tolerate a repeated message id.
 */
public interface OutboundChannel {

    /** The channel name used in {@link Inbound#channel()}: {@code web}, {@code slack}, {@code teams}. */
    String channel();

    Delivery deliver(Recipient to, Outbound message);

    /**
     * One try of a message. A channel that can tell whether an earlier try whose answer was lost got through anyway
     * (Slack: message metadata) overrides this and looks before posting again when {@link Attempt#afterUncertain()}.
     */
    default Delivery deliver(Recipient to, Outbound message, Attempt attempt) {
        return deliver(to, message);
    }

    /**
     * Which try of which message this is.
     *
     * @param messageKey   the same for every try of one message, unique across conversations
     * @param number       1 for the first try
     * @param since        when the message was produced (a look-up for an earlier post need not go further back)
     * @param lastFailure  the reason the previous try gave, or null on the first try
     * @param bulk         the message was started by a timer (a reminder fan-out), not by something the person just
     *                     did: a channel's pace lets replies go before it
     */
    record Attempt(String messageKey, int number, Instant since, String lastFailure, boolean bulk) {

        public Attempt(String messageKey, int number, Instant since, String lastFailure) {
            this(messageKey, number, since, lastFailure, false);
        }

        /** The previous try may have been delivered although no answer came back (a timeout). */
        public boolean afterUncertain() {
            return Delivery.UNCERTAIN.equals(lastFailure);
        }
    }
}
