package dev.trellis.coaching.internal;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link WheelRating}s. */
public interface WheelRatings extends MongoRepository<WheelRating, String> {

    /** Newest first. */
    List<WheelRating> findTop2ByPersonIdOrderByAtDesc(String personId);

    long countByPersonId(String personId);

    /** All of a person's wheels, newest first (the count and the latest two in one query). */
    List<WheelRating> findByPersonIdOrderByAtDesc(String personId);
}
