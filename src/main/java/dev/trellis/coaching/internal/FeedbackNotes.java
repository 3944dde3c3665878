package dev.trellis.coaching.internal;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link Feedback}s. */
public interface FeedbackNotes extends MongoRepository<Feedback, String> {

    long countByPersonIdAndKind(String personId, Feedback.Kind kind);
}
