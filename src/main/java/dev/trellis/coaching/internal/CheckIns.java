package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link CheckIn}s. */
public interface CheckIns extends MongoRepository<CheckIn, String> {

    List<CheckIn> findByPersonIdAndGoalIdOrderByAtAsc(String personId, String goalId);

    Optional<CheckIn> findFirstByPersonIdOrderByAtDesc(String personId);

    /** All of a person's check-ins, oldest first (one query for every goal). */
    List<CheckIn> findByPersonIdOrderByAtAsc(String personId);
}
