package dev.trellis.coaching.internal;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link PeerSession}s. */
public interface PeerSessions extends MongoRepository<PeerSession, String> {

    Optional<PeerSession> findFirstByPersonIdOrderByAtDesc(String personId);

    long countByPersonId(String personId);
}
