package dev.trellis.storage;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An acknowledged write to the embedded file store survives the process being killed right after it. */
class CommittingH2BackendTest {

    @TempDir
    Path dir;

    /** Runs in a child JVM: writes one document, says so, then waits to be killed. */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            MongoServer server = new MongoServer(new CommittingH2Backend(new MVStore.Builder().fileName(args[0]).open()));
            var address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
                client.getDatabase("trellis").getCollection("inbox").insertOne(new Document("_id", "slack:Ev1"));
            }
            System.out.println("acknowledged");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void acknowledgedWriteSurvivesKill() throws Exception {
        Path file = dir.resolve("mongo.mv");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("acknowledged")) {
                // the child's log lines
            }
            assertThat(line).as("the child acknowledged its write").isEqualTo("acknowledged");
            writer.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no final commit
            assertThat(writer.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        MongoServer server = new MongoServer(new CommittingH2Backend(new MVStore.Builder().fileName(file.toString()).open()));
        var address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            assertThat(client.getDatabase("trellis").getCollection("inbox").countDocuments(new Document("_id", "slack:Ev1")))
                    .isEqualTo(1);
        } finally {
            server.shutdownNow();
        }
    }
}
