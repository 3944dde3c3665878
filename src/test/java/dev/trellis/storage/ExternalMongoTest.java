package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With {@code spring.mongodb.uri} set, the application uses that server and starts none of its own. */
@SpringBootTest
class ExternalMongoTest {

    /** Stands for the operator's MongoDB. */
    private static final MongoServer EXTERNAL = new MongoServer(new MemoryBackend());
    private static final String URI = EXTERNAL.bindAndGetConnectionString() + "/operations";

    @DynamicPropertySource
    static void mongoUri(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> URI);
    }

    @AfterAll
    static void stopExternal() {
        EXTERNAL.shutdownNow();
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Test
    void aConfiguredMongoUriReplacesTheEmbeddedServer() {
        mongo.insert(new Document("_id", "probe"), "probes");

        assertThat(context.getBeansOfType(MongoServer.class)).isEmpty();
        try (var client = MongoClients.create(URI)) {
            assertThat(client.getDatabase("operations").getCollection("probes").countDocuments()).isEqualTo(1);
        }
    }
}
