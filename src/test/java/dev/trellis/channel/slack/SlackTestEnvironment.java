package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The whole application with Slack switched on: WireMock stands in for the Slack Web API, the embedded in-memory
 * MongoDB (test defaults) for MongoDB, and a {@link RecordingInbox} for the inbox so tests see exactly what was handed
 * in. One context is shared by every test class that extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SlackTestEnvironment.FakeInbox.class)
abstract class SlackTestEnvironment {

    static final WireMockServer SLACK_API = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SLACK_API.start();
    }

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> "T1");
        // these tests send many messages to one workspace within seconds; the workspace pace has tests of its own
        registry.add("slack.workspace-per-second", () -> "1000");
        registry.add("slack.workspace-burst", () -> "1000");
        registry.add("slack.app-id", () -> "A1");
        registry.add("slack.signing-secret", () -> SlackRequests.SIGNING_SECRET);
        registry.add("slack.api-url", () -> SLACK_API.baseUrl() + "/api/");
    }

    @TestConfiguration
    static class FakeInbox {
        @Bean
        @Primary
        RecordingInbox recordingInbox() {
            return new RecordingInbox();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RecordingInbox inbox;
    @Autowired
    MongoTemplate mongo;

    SlackRequests slack;

    @BeforeEach
    void resetSlack() {
        slack = new SlackRequests(port);
        inbox.clear();
        SLACK_API.resetAll();
        mongo.getDb().drop();
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000001.000200\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.update"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000001.000200\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        SLACK_API.stubFor(post(urlEqualTo("/api/users.info")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"ok":true,"user":{"id":"U1","name":"alex","real_name":"Alex Doe","tz":"Europe/Berlin",
                         "locale":"de-DE","profile":{"display_name":"alex"}}}""")));
    }
}
