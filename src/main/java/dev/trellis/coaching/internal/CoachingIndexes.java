package dev.trellis.coaching.internal;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes the coaching documents declare ({@code @Indexed}, {@code @CompoundIndex}) when the
 * application starts, so a fresh database has them before the first request (automatic index creation is off
 * in Spring Boot by default).
 */
@Component
final class CoachingIndexes implements SmartInitializingSingleton {

    static final List<Class<?>> DOCUMENTS = List.of(Person.class, Goal.class, CheckIn.class, WheelRating.class,
            ChartImage.class, DevelopmentPlan.class, OneOnOne.class, PeerSession.class, Feedback.class,
            SessionRating.class, CoachingSession.class, AskedQuestion.class);

    private final MongoTemplate mongo;
    private final MongoMappingContext mapping;

    CoachingIndexes(MongoTemplate mongo, MongoMappingContext mapping) {
        this.mongo = mongo;
        this.mapping = mapping;
    }

    @Override
    public void afterSingletonsInstantiated() {
        MongoPersistentEntityIndexResolver resolver = new MongoPersistentEntityIndexResolver(mapping);
        for (Class<?> document : DOCUMENTS) {
            var indexes = mongo.indexOps(document);
            resolver.resolveIndexFor(document).forEach(indexes::createIndex);
        }
    }
}
