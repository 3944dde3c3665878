package dev.trellis.coaching.internal;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link DevelopmentPlan}s. */
public interface Plans extends MongoRepository<DevelopmentPlan, String> {
}
