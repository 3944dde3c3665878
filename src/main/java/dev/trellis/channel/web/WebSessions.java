package dev.trellis.channel.web;

/**
 * The web sessions this installation issued, by {@link WebUser} id (a hash of the cookie, never the cookie). A
 * cookie is honoured only when its session is here, so a browser cannot choose its own session id (a planted, known
 * cookie would otherwise let its planter read the conversation later); ending a session (erasure) removes it.
 */
interface WebSessions {

    boolean issued(WebUser user);

    void issue(WebUser user);

    /** Ends the session of {@code userId}: its cookie no longer opens anything. */
    void end(String userId);
}
