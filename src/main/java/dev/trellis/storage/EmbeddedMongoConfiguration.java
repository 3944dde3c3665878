package dev.trellis.storage;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts mongo-java-server on a free local port and points Boot's MongoDB client at it, unless a real MongoDB is
 * configured ({@code spring.mongodb.uri} or {@code spring.mongodb.host}) or {@code trellis.mongo.embedded=off}.
 * Boot's own connection details back off when this bean exists, so the rest of the application cannot tell the
 * difference.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() and '${spring.mongodb.host:}'.isEmpty()"
        + " and '${trellis.mongo.embedded:file}'.toLowerCase() != 'off'")
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedMongoProperties properties) {
        MongoServer server = new MongoServer(backend(properties));
        server.bind();
        log.info("Embedded MongoDB ({}) listening on {}", properties.embedded(), server.getLocalAddress());
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                          EmbeddedMongoProperties properties) {
        var address = embeddedMongoServer.getLocalAddress();
        var uri = new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort() + "/"
                + properties.database());
        return () -> uri;
    }

    private static MongoBackend backend(EmbeddedMongoProperties properties) {
        if (properties.embedded() == EmbeddedMongoProperties.Backend.MEMORY) {
            return new MemoryBackend();
        }
        Path file = properties.file().toAbsolutePath();
        DataDirectory.createPrivate(file.getParent());
        return new CommittingH2Backend(new MVStore.Builder().fileName(file.toString()).open());
    }
}
