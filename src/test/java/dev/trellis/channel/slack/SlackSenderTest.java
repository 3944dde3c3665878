package dev.trellis.channel.slack;

import dev.trellis.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;

import dev.trellis.engine.Delivery;

class SlackSenderTest {

    private final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private Slack slack;
    private SlackSender sender;

    @BeforeEach
    void start() {
        api.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.baseUrl() + "/api/");
        slack = Slack.getInstance(config);
        sender = new SlackSender(slack.methods("xoxb-test"), clock, 1.0, 3);
        api.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.1\"}")));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.stop();
    }

    @Test
    void rateLimitedWorkspaceWaitsOutRetryAfterWithoutCallingSlackAgain() {
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("limited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                        .withBody("{\"ok\":false,\"error\":\"ratelimited\"}")));
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("limit").whenScenarioStateIs("limited")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1.2\"}")));

        assertThat(send("T1", "D1", "m1")).isEqualTo(new Delivery.Paced(Duration.ofSeconds(30), "rate limited"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(send("T1", "D2", "m2")).isEqualTo(new Delivery.Paced(Duration.ofSeconds(20), "paced"));
        api.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage")));

        clock.advance(Duration.ofSeconds(20));
        assertThat(send("T1", "D1", "m1")).isEqualTo(new Delivery.Sent("1.2"));
    }

    @Test
    void replyIsPostedWhileThousandsOfRemindersWaitForTheirSlotsInTheWorkspace() {
        SlackSender paced = new SlackSender(slack.methods("xoxb-test"), clock, 1.0, 3, 10.0, 10, 0.8);
        int postedAtOnce = 0;
        for (int person = 0; person < 3_000; person++) {
            Delivery delivery = paced.send("T1", "D" + person, "r" + person, true,
                    client -> client.chatPostMessage(r -> r.channel("D").text("Time for your check-in")),
                    ChatPostMessageResponse::getTs);
            if (delivery instanceof Delivery.Sent) {
                postedAtOnce++;
            } else {
                assertThat(delivery).isInstanceOf(Delivery.Paced.class);
            }
        }
        assertThat(postedAtOnce).isEqualTo(1);

        clock.advance(Duration.ofMillis(50));
        assertThat(paced.send("T1", "D-chatting", "reply", false,
                client -> client.chatPostMessage(r -> r.channel("D-chatting").text("Noted")),
                ChatPostMessageResponse::getTs)).isEqualTo(new Delivery.Sent("1.1"));
        api.verify(2, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    @Test
    void rateLimitInOneWorkspaceDoesNotHoldUpAnother() {
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=DA"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "60")));

        assertThat(send("TA", "DA", "a1")).isInstanceOf(Delivery.Paced.class);
        assertThat(send("TB", "DB", "b1")).isEqualTo(new Delivery.Sent("1.1"));
    }

    @Test
    void channelGetsAShortBurstThenAboutOneMessageASecond() {
        assertThat(send("T1", "D1", "m1")).isInstanceOf(Delivery.Sent.class);
        assertThat(send("T1", "D1", "m2")).isInstanceOf(Delivery.Sent.class);
        assertThat(send("T1", "D1", "m3")).isInstanceOf(Delivery.Sent.class);
        assertThat(send("T1", "D1", "m4")).isEqualTo(new Delivery.Paced(Duration.ofSeconds(1), "paced"));
        assertThat(send("T1", "D9", "other-channel")).isInstanceOf(Delivery.Sent.class);

        clock.advance(Duration.ofSeconds(1));
        assertThat(send("T1", "D1", "m4")).isInstanceOf(Delivery.Sent.class);
        api.verify(5, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    @Test
    void transientErrorsBackOffExponentiallyUpToAMinuteAndNeverGiveUpOnTheirOwn() {
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(aResponse().withStatus(503)));

        assertThat(send("T1", "D1", "m1")).isEqualTo(new Delivery.RetryLater(Duration.ofSeconds(1), "internal_error"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(send("T1", "D1", "m1")).isEqualTo(new Delivery.RetryLater(Duration.ofSeconds(2), "internal_error"));
        for (int i = 0; i < 60; i++) { // an hour: the outbox's delivery budget decides when to stop
            clock.advance(Duration.ofMinutes(1));
            assertThat(send("T1", "D1", "m1")).isInstanceOf(Delivery.RetryLater.class);
        }
        assertThat(send("T1", "D1", "m1")).isEqualTo(new Delivery.RetryLater(Duration.ofMinutes(1), "internal_error"));
    }

    @Test
    void fatalErrorsFailAtOnce() {
        api.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"not_in_channel\"}")));

        assertThat(send("T1", "C1", "m1")).isEqualTo(new Delivery.Failed("not_in_channel"));
    }

    private Delivery send(String team, String channel, String key) {
        return sender.send(team, channel, key,
                client -> client.chatPostMessage(r -> r.channel(channel).text("hello")),
                ChatPostMessageResponse::getTs);
    }
}
