package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link CoachingSession}s. */
public interface CoachingSessions extends MongoRepository<CoachingSession, String> {

    Optional<CoachingSession> findFirstByPersonIdOrderByAtDesc(String personId);

    /** The person's last session in which they planned a step. */
    Optional<CoachingSession> findFirstByPersonIdAndActionIsNotNullOrderByAtDesc(String personId);

    /** All of a person's sessions, newest first (the last one and the last with a step in one query). */
    List<CoachingSession> findByPersonIdOrderByAtDesc(String personId);
}
