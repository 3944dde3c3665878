package dev.trellis.coaching.internal;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link CoachingSession}s. */
public interface CoachingSessions extends MongoRepository<CoachingSession, String> {

    Optional<CoachingSession> findFirstByPersonIdOrderByAtDesc(String personId);

    /** The person's last session in which they planned a step. */
    Optional<CoachingSession> findFirstByPersonIdAndActionIsNotNullOrderByAtDesc(String personId);
}
