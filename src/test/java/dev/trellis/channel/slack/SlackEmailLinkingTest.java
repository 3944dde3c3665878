package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.EmailLinks;

/**
 * With {@code trellis.identity.link-by-email} on, a Slack user whose verified profile e-mail ({@code users.info})
 * matches the address another identity showed becomes that person; someone with another address stays apart, and
 * the address itself is stored nowhere.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackEmailLinkingTest {

    static final WireMockServer SLACK_API = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        SLACK_API.start();
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000001.000200\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=UMAIL1"))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"UMAIL1","team_id":"T1","name":"alex","real_name":"Alex Doe",
                         "tz":"Europe/Berlin","profile":{"display_name":"alex","email":"Alex.Doe@Example.com"}}}""")));
        SLACK_API.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=UMAIL2"))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"UMAIL2","team_id":"T1","name":"bo","real_name":"Bo Lund",
                         "tz":"Europe/Oslo","profile":{"display_name":"bo","email":"bo@example.com"}}}""")));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.signing-secret", () -> SlackRequests.SIGNING_SECRET);
        registry.add("slack.api-url", () -> SLACK_API.baseUrl() + "/api/");
        registry.add("trellis.identity.link-by-email", () -> "true");
    }

    @LocalServerPort
    int port;
    @Autowired
    EmailLinks emails;
    @Autowired
    PersonDirectory people;
    @Autowired
    MongoTemplate mongo;

    @Test
    void slackUserWithTheSameVerifiedEmailIsTheSamePersonAndOthersStayApart() throws Exception {
        PlatformIdentity teams = new PlatformIdentity("teams", "tenant-1", "29:alex");
        emails.verified(teams, "alex.doe@example.com ");
        String alex = people.find(teams).orElseThrow();
        SlackRequests slack = new SlackRequests(port);

        slack.event(SlackRequests.messageEvent("EvMail1", "UMAIL1", "D1", "hello"));
        slack.event(SlackRequests.messageEvent("EvMail2", "UMAIL2", "D2", "hello"));

        await().atMost(Duration.ofSeconds(60)).until(() ->
                people.find(new PlatformIdentity("slack", "T1", "UMAIL1")).filter(alex::equals).isPresent());
        await().atMost(Duration.ofSeconds(60)).until(() ->
                people.find(new PlatformIdentity("slack", "T1", "UMAIL2")).isPresent());
        assertThat(people.find(new PlatformIdentity("slack", "T1", "UMAIL2"))).isNotEqualTo(java.util.Optional.of(alex));
        assertThat(mongo.findAll(Document.class, "identityLinks")).extracting(Document::toJson)
                .noneMatch(json -> json.toLowerCase().contains("example.com"));
    }
}
