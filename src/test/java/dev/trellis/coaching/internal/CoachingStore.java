package dev.trellis.coaching.internal;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.trellis.engine.ActionHandler;

/** An in-memory MongoDB (wire protocol) with the coaching repositories on it, for handler tests without Spring. */
final class CoachingStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    final MongoTemplate mongo;
    private final MongoRepositoryFactory factory;
    private final AtomicLong turn = new AtomicLong();

    CoachingStore() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "coaching");
        factory = new MongoRepositoryFactory(mongo);
    }

    <T> T repository(Class<T> type) {
        return factory.getRepository(type);
    }

    /** A request as the engine would make it, with a fresh idempotency key. */
    ActionHandler.Request request(String personId, Map<String, Object> args, Instant now) {
        return requestWithKey(personId, "web:" + personId + ":" + turn.incrementAndGet(), args, now);
    }

    ActionHandler.Request requestWithKey(String personId, String key, Map<String, Object> args, Instant now) {
        return new ActionHandler.Request("web:" + personId, personId, "test-flow", "step", key, args, now);
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
