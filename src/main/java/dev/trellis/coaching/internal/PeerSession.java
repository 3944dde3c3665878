package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A peer-coaching session: the coach (the owner), the partner (null in a rehearsal), whether the partner
 * consented, the agenda, the partner's chosen step, and when to follow up.
 */
@Document("peerSessions")
@CompoundIndex(name = "owner_at", def = "{'personId': 1, 'at': -1}")
public record PeerSession(@Id String id, String personId, String partnerId, Consent consent, boolean rehearsal,
                          String agenda, String insight, String nextStep, LocalDate followUp, Instant at) {

    public enum Consent { NOT_ASKED, PENDING, GIVEN, DECLINED }
}
