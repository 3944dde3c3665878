package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EmbeddedMongoTest {

    @Autowired
    MongoServer embeddedServer;

    @Autowired
    MongoConnectionDetails connection;

    @Autowired
    MongoTemplate mongo;

    @LocalServerPort
    int port;

    @Test
    void withoutAMongoUriTheApplicationTalksToItsOwnServer() {
        assertThat(connection.getConnectionString().getHosts())
                .containsExactly("127.0.0.1:" + embeddedServer.getLocalAddress().getPort());
        assertThat(connection.getConnectionString().getDatabase()).isEqualTo("trellis");

        mongo.insert(new Document("_id", "probe").append("n", 42L), "probes");

        assertThat(mongo.findById("probe", Document.class, "probes")).containsEntry("n", 42L);
    }

    @Test
    void healthReportsUpWithBothStores() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
