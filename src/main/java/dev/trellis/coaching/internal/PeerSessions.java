package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link PeerSession}s. */
public interface PeerSessions extends MongoRepository<PeerSession, String> {

    Optional<PeerSession> findFirstByPersonIdOrderByAtDesc(String personId);

    long countByPersonId(String personId);

    /** All of a person's sessions, newest first (the count and the last one in one query). */
    List<PeerSession> findByPersonIdOrderByAtDesc(String personId);
}
