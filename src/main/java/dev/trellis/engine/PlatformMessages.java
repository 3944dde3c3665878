package dev.trellis.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * Where each delivered message landed on its platform, for every channel alike: a repeated delivery of the same
 * message is recognised instead of posted twice, and an answered question ({@link Outbound.Kind#ANSWERED}) finds the
 * platform message to replace. The question text is kept to rebuild that message around the answer; it may quote the
 * person, so implementations store it sealed like every free text.
 */
public interface PlatformMessages {

    /**
     * One delivered message.
     *
     * @param personId     the person the conversation belongs to (whose key seals the question text)
     * @param deliveryId   the message id plus a fingerprint of its content (a channel's choice)
     * @param controlId    the question's control, when it was one
     * @param place        where it landed (a Slack channel id, a Teams conversation id)
     * @param ref          the platform's id of the message (Slack ts, Teams activity id)
     * @param questionText the question's text, for questions only
     */
    record Landed(String conversationId, String personId, String deliveryId, String controlId, String place, String ref,
                  String questionText, Instant at) {
    }

    Optional<Landed> byDelivery(String conversationId, String deliveryId);

    /** The message that asked question {@code controlId} in conversation {@code conversationId}, its text opened. */
    Optional<Landed> byControl(String conversationId, String controlId);

    void remember(Landed landed);

    /** Where the conversation's latest delivered message landed (a Slack DM id even when addressed to a user id). */
    Optional<String> lastPlace(String conversationId);
}
