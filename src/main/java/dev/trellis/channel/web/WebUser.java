package dev.trellis.channel.web;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.SessionDigest;

/**
 * The web chat's user behind a session cookie: its id is a digest of the cookie ({@link SessionDigest}), never the
 * cookie itself, and serves as the identity's user id, the conversation's address and the key of its streams.
 */
record WebUser(String id) {

    /** Web chat users are all in one "workspace": the Trellis installation. */
    static final String WORKSPACE = "web";

    static WebUser of(String session) {
        return new WebUser(SessionDigest.of(session));
    }

    /**
     * The employee signed in through the company's OpenID Connect provider: the same user on every browser. Digested
     * like a session so that ids keep one shape and the provider's subject is not spread through the stores.
     */
    static WebUser signedIn(String issuer, String subject) {
        return new WebUser(SessionDigest.of("oidc|" + issuer + "|" + subject));
    }

    PlatformIdentity identity() {
        return new PlatformIdentity(WebOutboundChannel.CHANNEL, WORKSPACE, id);
    }

    String conversationId() {
        return identity().key();
    }
}
