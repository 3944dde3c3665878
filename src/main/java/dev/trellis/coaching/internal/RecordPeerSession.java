package dev.trellis.coaching.internal;

import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/**
 * {@code peer.record} with {@code agenda}, optional {@code partner} (a person id; absent in a rehearsal),
 * {@code insight}, {@code nextStep}, {@code followUp} (ISO date): keeps the coach's notes of a peer-coaching
 * session. A session with a partner starts with consent pending until the partner agrees.
 */
@Component
@ActionName("peer.record")
final class RecordPeerSession implements ActionHandler {

    private final PeerSessions sessions;

    RecordPeerSession(PeerSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Map<String, Object> run(Request request) {
        ActionInput in = new ActionInput(request);
        String partner = in.optionalText("partner");
        sessions.save(new PeerSession(in.id(), in.personId(), partner,
                partner == null ? PeerSession.Consent.NOT_ASKED : PeerSession.Consent.PENDING, partner == null,
                in.text("agenda"), in.optionalText("insight"), in.optionalText("nextStep"), in.optionalDate("followUp"),
                in.now()));
        return Map.of("id", in.id(), "rehearsal", partner == null);
    }
}
