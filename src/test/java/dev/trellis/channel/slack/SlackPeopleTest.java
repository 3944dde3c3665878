package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import dev.trellis.testing.MutableClock;

/** The acknowledgement path asks who a person is without waiting; the lookups it starts stay few. */
class SlackPeopleTest {

    private final WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
    private final List<Runnable> background = new ArrayList<>();
    private Slack slack;
    private SlackPeople people;

    @BeforeEach
    void start() {
        api.start();
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(api.baseUrl() + "/api/");
        slack = Slack.getInstance(config);
        people = new SlackPeople(slack.methods("xoxb-test"), null, clock, Duration.ofHours(1));
    }

    @AfterEach
    void stop() throws Exception {
        slack.close();
        api.stop();
    }

    @Test
    void fiftyEventsOfAnUnknownPersonStartOneLookup() {
        api.stubFor(post(urlEqualTo("/api/users.info")).willReturn(okJson(
                "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"ana\",\"real_name\":\"Ana\",\"tz\":\"Europe/Berlin\"}}")));
        for (int i = 0; i < 50; i++) {
            assertThat(people.known("U1", background::add)).isEmpty();
        }
        background.forEach(Runnable::run);

        assertThat(people.known("U1", background::add)).map(SlackPeople.SlackPerson::name).contains("Ana");
        api.verify(1, postRequestedFor(urlEqualTo("/api/users.info")));
    }

    @Test
    void whileSlackCannotSayWhoSomeoneIsItIsAskedOnceAMinuteNotOnEveryEvent() {
        api.stubFor(post(urlEqualTo("/api/users.info")).willReturn(okJson("{\"ok\":false,\"error\":\"ratelimited\"}")));
        for (int i = 0; i < 20; i++) {
            people.known("U2", background::add);
            background.forEach(Runnable::run);
            background.clear();
            clock.advance(Duration.ofSeconds(1));
        }
        api.verify(1, postRequestedFor(urlEqualTo("/api/users.info")));

        clock.advance(SlackPeople.LOOKUP_PAUSE);
        people.known("U2", background::add);
        background.forEach(Runnable::run);
        api.verify(2, postRequestedFor(urlEqualTo("/api/users.info")));
    }
}
