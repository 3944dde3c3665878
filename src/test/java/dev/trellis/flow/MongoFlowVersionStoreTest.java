package dev.trellis.flow;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Flow versions survive in MongoDB, one document per id and content hash. */
class MongoFlowVersionStoreTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;

    MongoFlowVersionStoreTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "flows");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void rememberedVersionIsFoundAgainAndStoredOnce() {
        Flow flow = FlowFixtures.loadValid().flows().get(1);
        MongoFlowVersionStore store = new MongoFlowVersionStore(mongo);

        store.remember(flow);
        store.remember(flow);

        assertThat(store.find(flow.id(), flow.version())).contains(
                new FlowVersionStore.StoredVersion(flow.id(), flow.version(), flow.file(), flow.source()));
        assertThat(store.find(flow.id(), "0000")).isEmpty();
        List<Document> docs = mongo.findAll(Document.class, MongoFlowVersionStore.COLLECTION);
        assertThat(docs).singleElement().satisfies(doc -> {
            assertThat(doc.getString("_id")).isEqualTo(flow.id() + "@" + flow.version());
            assertThat(doc.get("firstSeen")).isNotNull();
        });
    }
}
