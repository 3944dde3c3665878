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
 * wrote. {@code timer} is set on a {@link Kind#TIMER} event from a scheduled timer, and only there.
 */
public record Inbound(String channel, String eventId, String workspace, String userId, Place place, String address,
                      Kind kind, String text, String controlId, List<String> values, Map<String, String> meta,
                      Instant receivedAt, Timer timer) {

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
        /**
         * Time passed: a scheduled timer fired ({@link #timer()} says which, for which flow), or, without a timer, the
         * idle sweep's tick for step timeouts and idle limits.
         */
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
        if (timer != null && kind != Kind.TIMER) {
            throw new IllegalArgumentException("only a TIMER event carries a timer");
        }
    }

    /** An event without a timer (every kind but a scheduled timer's). */
    public Inbound(String channel, String eventId, String workspace, String userId, Place place, String address,
                   Kind kind, String text, String controlId, List<String> values, Map<String, String> meta,
                   Instant receivedAt) {
        this(channel, eventId, workspace, userId, place, address, kind, text, controlId, values, meta, receivedAt,
                null);
    }

    /**
     * A scheduled timer firing for the conversation of {@code identity}. Its event id is {@link Timer#eventId()}, so
     * a timer fired twice for one moment (two nodes, a retried job) is taken once. Replies go to the conversation's
     * home, wherever the person last wrote from privately.
     */
    public static Inbound timer(PlatformIdentity identity, Timer timer, Instant at) {
        return new Inbound(identity.platform(), timer.eventId(), identity.workspace(), identity.userId(),
                Place.PRIVATE, null, Kind.TIMER, null, null, List.of(), Map.of(), at, timer);
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
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.MESSAGE,
                TypedText.clean(text), null,
                List.of(), Map.of(), at);
    }

    public static Inbound action(String channel, String eventId, String workspace, String userId, String address,
                                 String controlId, List<String> values, Instant at) {
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.ACTION, null, controlId,
                values, Map.of(), at);
    }

    public static Inbound command(String channel, String eventId, String workspace, String userId, String address,
                                  String args, Instant at) {
        return new Inbound(channel, eventId, workspace, userId, Place.PRIVATE, address, Kind.COMMAND,
                TypedText.clean(args), null,
                List.of(), Map.of(), at);
    }

    public Inbound withMeta(Map<String, String> newMeta) {
        return new Inbound(channel, eventId, workspace, userId, place, address, kind, text, controlId, values, newMeta,
                receivedAt, timer);
    }

    /** This event as happening in a shared place (a channel or thread others read). */
    public Inbound shared() {
        return new Inbound(channel, eventId, workspace, userId, Place.SHARED, address, kind, text, controlId, values,
                meta, receivedAt, timer);
    }

    /** This event with {@code sealedText} in place of its text (the inbox stores free text sealed). */
    public Inbound withText(String sealedText) {
        return new Inbound(channel, eventId, workspace, userId, place, address, kind, sealedText, controlId, values,
                meta, receivedAt, timer);
    }

    /**
     * What a scheduled timer carries into a conversation ({@link Kind#TIMER}): which timer fired for which moment,
     * the flow (and optionally the step of it) to run, and that flow's starting variables. Ids and figures only,
     * never text a person wrote. A timer that finds the person in another flow waits in the conversation until that
     * flow ends.
     *
     * @param timerId     the timer's stable id (the inbox event id is {@code timerId:scheduledAt})
     * @param scheduledAt the moment the timer was set for
     * @param stepId      the step of {@code flowId} to start at; null starts at the flow's start
     */
    public record Timer(String timerId, Instant scheduledAt, String flowId, String stepId, Map<String, Object> vars) {
        public Timer {
            java.util.Objects.requireNonNull(timerId, "timerId");
            java.util.Objects.requireNonNull(flowId, "flowId");
            vars = vars == null ? Map.of() : Map.copyOf(vars);
        }

        /** The inbox event id of this timer's firing: one event per timer and moment, however often it is sent. */
        public String eventId() {
            return timerId + ":" + (scheduledAt == null ? "now" : scheduledAt.toString());
        }
    }
}
