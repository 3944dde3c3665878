package dev.trellis.channel.teams;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with Teams switched on against the {@link BotFramework} stub: the real inbox, engine,
 * conversation store and outbox over the embedded in-memory MongoDB. One context is shared by every test class that
 * extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class TeamsTestEnvironment {

    @DynamicPropertySource
    static void teamsSettings(DynamicPropertyRegistry registry) {
        registry.add("teams.app-id", () -> BotFramework.APP_ID);
        registry.add("teams.app-password", () -> "test-secret");
        registry.add("teams.tenant-id", () -> BotFramework.TENANT);
        registry.add("teams.open-id-metadata-url", BotFramework::metadataUrl);
        registry.add("teams.token-url", BotFramework::tokenUrl);
        // pacing has its own tests; whole sessions should not wait for it
        registry.add("teams.per-conversation-per-second", () -> "1000");
        registry.add("teams.per-conversation-per30-seconds", () -> "10000");
        registry.add("trellis.conversations.redelivery-interval", () -> "200ms");
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void resetTeams() {
        BotFramework.STUB.resetRequests();
    }
}
