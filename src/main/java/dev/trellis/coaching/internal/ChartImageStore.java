package dev.trellis.coaching.internal;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link ChartImage}s (PNG bytes). */
public interface ChartImageStore extends MongoRepository<ChartImage, String> {
}
