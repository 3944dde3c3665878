package dev.trellis.coaching.internal;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link SessionRating}s. */
public interface SessionRatings extends MongoRepository<SessionRating, String> {

    boolean existsByPersonIdAndSessionId(String personId, String sessionId);
}
