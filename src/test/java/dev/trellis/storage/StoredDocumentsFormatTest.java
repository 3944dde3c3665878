package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store keeps documents as BSON; a data file written before (H2's Java serialization) is read on, and a
 * document comes back as it was stored, whichever form it is in.
 */
class StoredDocumentsFormatTest {

    @TempDir
    Path dir;

    private static Document conversation() {
        return new Document("_id", "web:w:dm-ana").append("version", 7L).append("lastSeq", 42)
                .append("score", 8.5).append("active", true).append("owner", null)
                .append("updatedAt", new Date(1_764_000_000_000L)).append("ref", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("key", new Binary(new byte[] {1, 2, 3}))
                .append("state", new Document("flow", "grow").append("vars", new Document("goal", "Lead the team ✓")))
                .append("transcript", List.of(new Document("seq", 1L).append("text", "hello"),
                        new Document("seq", 2L).append("text", "ünïcødé and a very long line ".repeat(50))));
    }

    @Test
    void documentsWrittenBeforeAreReadAndComeBackAsStoredAfterAnUpdateAndARestart() {
        Path file = dir.resolve("mongo.mv");
        with(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()), conversations -> {
            conversations.insertOne(conversation());
            conversations.insertOne(new Document("_id", "untouched").append("n", 1));
        });

        with(new CommittingH2Backend(new MVStore.Builder().fileName(file.toString()).open()), conversations -> {
            assertThat(conversations.find(Filters.eq("_id", "web:w:dm-ana")).first()).isEqualTo(conversation());
            conversations.updateOne(Filters.eq("_id", "web:w:dm-ana"), Updates.inc("version", 1L));
            conversations.insertOne(new Document("_id", "new").append("id", UUID.nameUUIDFromBytes(new byte[] {7}).toString()));
        });

        with(new CommittingH2Backend(new MVStore.Builder().fileName(file.toString()).open()), conversations -> {
            Document expected = conversation().append("version", 8L);
            assertThat(conversations.find(Filters.eq("_id", "web:w:dm-ana")).first()).isEqualTo(expected);
            assertThat(conversations.find(Filters.eq("_id", "untouched")).first())
                    .isEqualTo(new Document("_id", "untouched").append("n", 1));
            assertThat(conversations.countDocuments()).isEqualTo(3);
        });
    }

    @Test
    void aDocumentIsStoredAsBsonNotJavaSerialization() {
        Path file = dir.resolve("bson.mv");
        with(new CommittingH2Backend(new MVStore.Builder().fileName(file.toString()).open()),
                conversations -> conversations.insertOne(conversation()));

        MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            // H2's own reader does not know the BSON tag: the page holds BSON, not a serialized Java object
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.openMap("databases.trellis.conversations")
                    .get("web:w:dm-ana")).hasMessageContaining("Unknown tag " + BsonDocumentType.BSON);
        } finally {
            store.close();
        }
    }

    private static void with(MongoBackend backend, Consumer<MongoCollection<Document>> work) {
        MongoServer server = new MongoServer(backend);
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            work.accept(client.getDatabase("trellis").getCollection("conversations"));
        } finally {
            server.shutdownNow();
        }
    }
}
