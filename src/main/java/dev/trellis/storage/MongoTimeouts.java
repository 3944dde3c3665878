package dev.trellis.storage;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Short MongoDB driver timeouts. The driver waits 30 s for a server by default, far past Slack's 3-second
 * acknowledgement and Teams' 15 seconds: with MongoDB down the inbox insert fails fast instead, the platform gets
 * a 503 and retries later, and the health indicator reports DOWN within a second or two.
 */
@Configuration(proxyBeanMethods = false)
class MongoTimeouts {

    /**
     * @param connect         opening a connection; the driver's monitor also waits this long for the answer to its
     *                        heartbeat, and a server it hears nothing from in time counts as down: every pooled
     *                        connection is dropped and every request waits for server selection. One second made a
     *                        busy embedded server (a queue of commits on a loaded machine) look down, and Slack got 503s
     *                        for events it could have stored; an unreachable server still costs a request
     *                        {@code serverSelection} at most
     * @param serverSelection finding a server to talk to (the time an outage costs each call)
     * @param socket          waiting for one answer (long enough for the slowest regular query)
     */
    @ConfigurationProperties("trellis.mongo.timeouts")
    record Settings(@DefaultValue("5s") Duration connect, @DefaultValue("1500ms") Duration serverSelection,
                    @DefaultValue("5s") Duration socket) {
    }

    @Bean
    MongoClientSettingsBuilderCustomizer shortMongoTimeouts(Settings timeouts) {
        return settings -> settings
                .applyToSocketSettings(socket -> socket
                        .connectTimeout((int) timeouts.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) timeouts.socket().toMillis(), TimeUnit.MILLISECONDS))
                .applyToClusterSettings(cluster -> cluster
                        .serverSelectionTimeout(timeouts.serverSelection().toMillis(), TimeUnit.MILLISECONDS));
    }
}
