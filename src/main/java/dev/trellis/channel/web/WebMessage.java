package dev.trellis.channel.web;

import dev.trellis.engine.Inbound;
import java.time.Instant;
import java.util.List;

/**
 * What the page posts: exactly one of typed {@code text}, a click ({@code controlId} with {@code values}) or a
 * {@code command} (a flow id to start). {@code id} is a UUID the page makes per message, used as the inbox's
 * event id, so a message posted twice is processed once.
 */
record WebMessage(String id, String text, String controlId, List<String> values, String command) {

    WebMessage {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The inbox event for this message from {@code user}: the user's id (derived from the session, never the session
     * itself) is both the identity's user id and the address of the session's streams. The event id is scoped by the
     * user, so another session posting the same message id cannot collide with (or suppress) this one.
     */
    Inbound toInbound(WebUser user, Instant receivedAt) {
        String channel = WebOutboundChannel.CHANNEL;
        String workspace = WebUser.WORKSPACE;
        String eventId = user.id() + ":" + id;
        if (text != null) return Inbound.message(channel, eventId, workspace, user.id(), user.id(), text, receivedAt);
        if (controlId != null) {
            return Inbound.action(channel, eventId, workspace, user.id(), user.id(), controlId, values, receivedAt);
        }
        return Inbound.command(channel, eventId, workspace, user.id(), user.id(), command, receivedAt);
    }
}
