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

    /** The inbox event for this message from web session {@code session}: the session is person and address. */
    Inbound toInbound(String session, Instant receivedAt) {
        String channel = WebOutboundChannel.CHANNEL;
        if (text != null) return Inbound.message(channel, id, session, session, text, receivedAt);
        if (controlId != null) return Inbound.action(channel, id, session, session, controlId, values, receivedAt);
        return Inbound.command(channel, id, session, session, command, receivedAt);
    }
}
