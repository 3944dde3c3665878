package dev.trellis.coaching.internal;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link AskedQuestion}s. */
public interface AskedQuestions extends MongoRepository<AskedQuestion, String> {
}
