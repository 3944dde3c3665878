package dev.trellis.coaching.internal;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Stored {@link OneOnOne}s. */
public interface OneOnOnes extends MongoRepository<OneOnOne, String> {

    List<OneOnOne> findByManagerId(String managerId);
}
