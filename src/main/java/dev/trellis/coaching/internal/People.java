package dev.trellis.coaching.internal;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link Person}s. */
public interface People extends MongoRepository<Person, String> {

    List<Person> findByManagerId(String managerId);

    /** The person and their reports in one query. */
    List<Person> findByIdOrManagerId(String id, String managerId);
}
