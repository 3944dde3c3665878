package dev.trellis.channel.web;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import org.springframework.stereotype.Component;

/**
 * Delivers the bot's messages to the browsers of a web session. A message counts as sent even when no browser is
 * connected: it is already stored with the conversation, and the page shows it from the history on its next load.
 */
@Component
class WebOutboundChannel implements OutboundChannel {

    static final String CHANNEL = "web";

    private final WebStreams streams;

    WebOutboundChannel(WebStreams streams) {
        this.streams = streams;
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public Delivery deliver(Recipient to, Outbound message) {
        streams.push(to.address(), ChatEntry.bot(to.conversationId(), message));
        return new Delivery.Sent(message.id());
    }
}
