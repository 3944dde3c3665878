package dev.trellis.channel.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import dev.trellis.engine.PlatformIdentity;

/**
 * The web chat's user behind a session cookie. The cookie is a secret (whoever holds it holds the conversation), so
 * it is never stored, logged or used as an id: the user id is a SHA-256 of it. No key is needed because the cookie
 * is 128 random bits, which cannot be guessed back from the hash; and every node derives the same id without
 * sharing anything.
 *
 * @param id the user id: 43 URL-safe characters, the conversation's stream address and its identity's user id
 */
record WebUser(String id) {

    /** Web chat users are all in one "workspace": the Trellis installation. */
    static final String WORKSPACE = "web";

    static WebUser of(String session) {
        return new WebUser(hash("trellis-web-session:" + session));
    }

    /**
     * The employee signed in through the company's OpenID Connect provider: the same user on every browser. Hashed
     * like a session so that ids keep one shape and the provider's subject is not spread through the stores.
     */
    static WebUser signedIn(String issuer, String subject) {
        return new WebUser(hash("trellis-web-oidc:" + issuer + "|" + subject));
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    PlatformIdentity identity() {
        return new PlatformIdentity(WebOutboundChannel.CHANNEL, WORKSPACE, id);
    }

    String conversationId() {
        return identity().key();
    }

    @Override
    public String toString() {
        return "WebUser[" + id + "]";
    }
}
