package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link Goal}s. */
public interface Goals extends MongoRepository<Goal, String> {

    List<Goal> findByPersonIdOrderByCreatedAtAsc(String personId);

    Optional<Goal> findByIdAndPersonId(String id, String personId);
}
