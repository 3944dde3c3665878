package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;

import com.mongodb.client.MongoClient;
import de.bwaldvogel.mongo.MongoServer;
import dev.trellis.TrellisApplication;
import dev.trellis.engine.Inbound;
import dev.trellis.inbox.Inbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.dao.DataAccessException;

/** MongoDB going away: health says so, and storing an event gives up well inside Slack's 3 seconds. */
class MongoOutageTest {

    @TempDir
    Path data;

    @Test
    void whenMongoIsUnreachableHealthIsDownAndTheInboxRefusesQuickly() {
        try (var node = new SpringApplicationBuilder(TrellisApplication.class).run("--server.port=0",
                "--trellis.mongo.embedded=memory", "--trellis.data-dir=" + data,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("quartz").toAbsolutePath())) {
            HealthIndicator mongo = node.getBean("mongoHealthIndicator", HealthIndicator.class);
            assertThat(mongo.health().getStatus()).isEqualTo(Status.UP);
            var settings = node.getBean(MongoClient.class).getClusterDescription().getClusterSettings();
            assertThat(settings.getServerSelectionTimeout(java.util.concurrent.TimeUnit.MILLISECONDS))
                    .isLessThanOrEqualTo(1500);

            node.getBean(MongoServer.class).shutdownNow();

            assertThat(mongo.health().getStatus()).isEqualTo(Status.DOWN);
            Inbound hello = Inbound.message("test", "outage-1", "w", "ana", "dm-ana", "hello", Instant.now());
            assertThatThrownBy(() -> node.getBean(Inbox.class).accept(hello)).isInstanceOf(DataAccessException.class);
        }
    }
}
