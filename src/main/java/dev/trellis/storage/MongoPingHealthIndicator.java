package dev.trellis.storage;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * MongoDB health by {@code ping}, which both a real MongoDB and the embedded server answer (Boot's own indicator
 * sends {@code hello}, which the embedded server does not know). Named {@code mongoHealthIndicator} so that Boot's
 * backs off and the component is still called {@code mongo}.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoClient client;

    MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN");
    }
}
