package dev.trellis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event from a channel, in the shape every channel shares. {@code eventId} is the platform's id and, with
 * {@code channel}, the inbox's de-duplication key. {@code workspace} and {@code userId} are the platform identity
 * (Slack team and user, Teams tenant and user, {@code web} and an id derived from the session); the Trellis person id
 * is resolved from them when the event is processed ({@link PersonDirectory}), not when it is received.
 * {@code place} says whether it happened in a private place (DM, personal chat, web session) or a shared one
 * (a channel, a group chat, a thread); {@code address} is where an answer to this very event goes. {@code meta}
 * carries platform details the channel needs again when it answers (thread ts, service url); never what a person
 * wrote.
 */
public record Inbound(String channel, String eventId, String workspace, String userId, Place place, String address,
                      Kind kind, String text, String controlId, List<String> values, Map<String, String> meta,
                      Instant receivedAt) {

    /** Meta keys a channel may fill from the platform's profile; the engine words and dates by them. */
    public static final String META_NAME = "name";
    public static final String META_TIMEZONE = "timezone";
    public static final String META_LOCALE = "locale";

    public enum Kind {
        /** Free text the person typed. */
        MESSAGE,
        /** A click or selection on a control the bot sent: {@code controlId} and {@code values}. */
        ACTION,
        /** A command such as {@code /coach grow}: {@code text} holds what follows the command. */
        COMMAND,
        /** A timer fired (from scheduling): {@code controlId} names the timer. */
        TIMER
    }

    /**
     * Where the event happened. A conversation lives in a {@code PRIVATE} place and never moves: an event from a
     * {@code SHARED} place (a mention in a channel, a click on someone else's button in a thread) gets a short
     * answer there and nothing of the conversation.
     */
    public enum Place { PRIVATE, SHARED }

    public Inbound {
        place = place == null ? Place.PRIVATE : place;
        values = values == null ? List.of() : List.copyOf(values);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** The platform identity that sent the event. */
    public PlatformIdentity identity() {
        return new PlatformIdentity(channel, workspace, userId);
    }

    /**
     * The key of the conversation this event belongs to: one conversation per platform identity
     * ({@code channel:workspace:userId}), wherever the event came from. Never a secret such as a session cookie.
     */
    public String conversationId() {
        return identity().key();
    }

    public static Inbound message(String channel, String eventId, String workspace, String userId, String address,
                                  String text, Instant at) {
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.MESSAGE, text, null,
                List.of(), Map.of(), at);
    }

    public static Inbound action(String channel, String eventId, String workspace, String userId, String address,
                                 String controlId, List<String> values, Instant at) {
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.ACTION, null, controlId,
                values, Map.of(), at);
    }

    public static Inbound command(String channel, String eventId, String workspace, String userId, String address,
                                  String args, Instant at) {
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.COMMAND, args, null,
                List.of(), Map.of(), at);
    }

    public Inbound withMeta(Map<String, String> newMeta) {
        return new Inbound(channel, eventId, workspace, userId, place, address, kind, text, controlId, values, newMeta,
                receivedAt);
    }

    /** This event as happening in a shared place (a channel or thread others read). */
    public Inbound shared() {
        return new Inbound(channel, eventId, workspace, userId, Place.SHARED, address, kind, text, controlId, values,
                meta, receivedAt);
    }

    /** This event with {@code sealedText} in place of its text (the inbox stores free text sealed). */
    public Inbound withText(String sealedText) {
        return new Inbound(channel, eventId, workspace, userId, place, address, kind, sealedText, controlId, values,
                meta, receivedAt);
    }
}
