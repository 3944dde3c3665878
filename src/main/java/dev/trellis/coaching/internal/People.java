package dev.trellis.coaching.internal;


import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link Person}s. */
public interface People extends MongoRepository<Person, String> {
}
