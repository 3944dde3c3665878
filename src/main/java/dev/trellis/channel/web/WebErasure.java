package dev.trellis.channel.web;

import org.springframework.stereotype.Component;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.privacy.ErasureParticipant;

/**
 * Erasure in the web chat: the person's web sessions end (their cookie opens nothing any more; the browser gets a
 * fresh session and an empty chat) and their open event streams close.
 */
@Component
class WebErasure implements ErasureParticipant {

    private final PersonIdentities identities;
    private final WebSessions sessions;
    private final WebStreams streams;

    WebErasure(PersonIdentities identities, WebSessions sessions, WebStreams streams) {
        this.identities = identities;
        this.sessions = sessions;
        this.streams = streams;
    }

    @Override
    public String name() {
        return "web-sessions";
    }

    @Override
    public void erase(String personId) {
        for (PlatformIdentity identity : identities.of(personId)) {
            if (identity.platform().equals(WebOutboundChannel.CHANNEL)) {
                sessions.end(identity.userId());
                streams.close(identity.userId());
            }
        }
    }
}
