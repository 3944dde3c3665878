package dev.trellis.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One event from a channel, in the shape every channel shares. {@code eventId} is the platform's id and, with
 * {@code channel}, the inbox's de-duplication key. {@code personId} is the platform user id; {@code address}
 * says where replies go (a Slack DM channel, a Teams conversation reference id, a web session). {@code meta}
 * carries platform details the channel needs again when it answers (team id, thread ts, service url); never
 * what a person wrote.
 */
public record Inbound(String channel, String eventId, String personId, String address, Kind kind, String text,
                      String controlId, List<String> values, Map<String, String> meta, Instant receivedAt) {

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

    public Inbound {
        values = values == null ? List.of() : List.copyOf(values);
        meta = meta == null ? Map.of() : Map.copyOf(meta);
    }

    /** The key of the conversation this event belongs to: one conversation per person and channel. */
    public String conversationId() {
        return channel + ":" + personId;
    }

    public static Inbound message(String channel, String eventId, String personId, String address, String text,
                                  Instant at) {
        return new Inbound(channel, eventId, personId, address, Kind.MESSAGE, text, null, List.of(), Map.of(), at);
    }

    public static Inbound action(String channel, String eventId, String personId, String address, String controlId,
                                 List<String> values, Instant at) {
        return new Inbound(channel, eventId, personId, address, Kind.ACTION, null, controlId, values, Map.of(), at);
    }

    public static Inbound command(String channel, String eventId, String personId, String address, String args,
                                  Instant at) {
        return new Inbound(channel, eventId, personId, address, Kind.COMMAND, args, null, List.of(), Map.of(), at);
    }

    public Inbound withMeta(Map<String, String> newMeta) {
        return new Inbound(channel, eventId, personId, address, kind, text, controlId, values, newMeta, receivedAt);
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
