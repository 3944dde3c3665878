package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Slack's Web API for the tests that run Slack beside Teams in one application: posts land in direct message
 * {@code dm}, profiles are not found (so nobody's e-mail links them), and the app is installed in {@code team}.
 */
final class SlackBeside {

    private SlackBeside() {
    }

    static WireMockServer start(String dm) {
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        String posted = "{\"ok\":true,\"channel\":\"" + dm + "\",\"ts\":\"1700000001.000200\"}";
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(posted)));
        api.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(posted)));
        api.stubFor(post(urlEqualTo("/api/chat.postEphemeral")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
        return api;
    }

    static void settings(DynamicPropertyRegistry registry, WireMockServer api, String team, String signingSecret,
                         int burst) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> team);
        registry.add("slack.signing-secret", () -> signingSecret);
        registry.add("slack.api-url", () -> api.baseUrl() + "/api/");
        registry.add("slack.burst", () -> Integer.toString(burst));
    }
}
