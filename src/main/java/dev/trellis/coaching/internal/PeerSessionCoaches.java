package dev.trellis.coaching.internal;

import org.springframework.stereotype.Component;

import dev.trellis.sharing.PeerCoaches;

/**
 * Peer coaches as the peer sessions record them: the coach owns the session, the person is its partner, and only a
 * session the partner agreed to ({@code GIVEN}) makes the coach their peer coach. A rehearsal has no partner.
 */
@Component
class PeerSessionCoaches implements PeerCoaches {

    private final PeerSessions sessions;

    PeerSessionCoaches(PeerSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean isPeerCoachOf(String coachId, String personId) {
        if (coachId == null || personId == null || coachId.equals(personId)) return false;
        return sessions.findByPersonIdOrderByAtDesc(coachId).stream().anyMatch(s -> !s.rehearsal()
                && personId.equals(s.partnerId()) && s.consent() == PeerSession.Consent.GIVEN);
    }
}
