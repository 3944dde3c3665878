package dev.trellis.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The id Trellis uses for a web chat session: a SHA-256 of the session cookie. The cookie is a secret (whoever holds
 * it holds the conversation), so it is never stored, logged or used as an id itself. No key is needed: the cookie is
 * 128 random bits, which cannot be recovered from the digest; and every node derives the same id without sharing
 * anything. Also used by the start-up migration to rewrite documents that held the cookie.
 */
public final class SessionDigest {

    private SessionDigest() {
    }

    /** 43 URL-safe characters. */
    public static String of(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("trellis-web-session:" + session).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
