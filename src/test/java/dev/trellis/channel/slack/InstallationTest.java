package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;

/** Without {@code slack.team-id}, the installed workspace is learned from {@code auth.test}; until then none is ours. */
class InstallationTest {

    private final WireMockServer slackApi = new WireMockServer(wireMockConfig().dynamicPort());
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void start() {
        slackApi.start();
    }

    @AfterEach
    void stop() {
        background.shutdownNow();
        slackApi.stop();
    }

    @Test
    void workspaceLearnedFromAuthTestIsTheOnlyOneAccepted() {
        slackApi.stubFor(post(urlEqualTo("/api/auth.test")).willReturn(okJson(
                "{\"ok\":true,\"team_id\":\"T77\",\"user_id\":\"U0BOT\",\"team\":\"Acme\",\"user\":\"trellis\"}")));
        Installation installation = new Installation(null, null);
        assertThat(installation.isOurs("T77", null)).isFalse();

        installation.learn(client(), background);

        await().atMost(Duration.ofSeconds(10)).until(() -> installation.teamId().isPresent());
        assertThat(installation.isOurs("T77", "A1")).isTrue();
        assertThat(installation.isOurs("T78", "A1")).isFalse();
    }

    @Test
    void configuredWorkspaceAndAppNeedNoCallAndRefuseOthers() {
        Installation installation = new Installation("T1", "A1");

        installation.learn(client(), background);

        assertThat(installation.isOurs("T1", "A1")).isTrue();
        assertThat(installation.isOurs("T1", "A2")).isFalse();
        assertThat(installation.isOurs("T2", "A1")).isFalse();
        assertThat(slackApi.getAllServeEvents()).isEmpty();
    }

    private com.slack.api.methods.MethodsClient client() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slackApi.baseUrl() + "/api/");
        config.setStatsEnabled(false);
        return Slack.getInstance(config).methods("xoxb-test");
    }
}
