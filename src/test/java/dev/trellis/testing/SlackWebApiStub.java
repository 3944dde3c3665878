package dev.trellis.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * WireMock standing in for the Slack Web API in the tests that run whole conversations: every post lands in one
 * direct message, profiles are not found (so nobody's e-mail links them), and what the bot posted is read back as
 * the forms Slack would have received. Tests add stubs of their own to {@link #server()}; a later stub wins.
 */
public final class SlackWebApiStub {

    /** Generous: the whole application shares two CPU cores with other builds. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final WireMockServer server;

    private SlackWebApiStub(WireMockServer server) {
        this.server = server;
    }

    /** Starts the stub; messages are answered as posted to direct message {@code dm}. */
    public static SlackWebApiStub start(String dm) {
        WireMockServer api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        String posted = "{\"ok\":true,\"channel\":\"" + dm + "\",\"ts\":\"1700000001.000200\"}";
        api.stubFor(post(urlEqualTo("/api/chat.postMessage")).willReturn(okJson(posted)));
        api.stubFor(post(urlEqualTo("/api/chat.update")).willReturn(okJson(posted)));
        api.stubFor(post(urlEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000002.000100\"}")));
        api.stubFor(post(urlEqualTo("/api/views.publish")).willReturn(okJson("{\"ok\":true}")));
        api.stubFor(post(urlEqualTo("/api/users.info"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"user_not_found\"}")));
        return new SlackWebApiStub(api);
    }

    /**
     * Points Trellis at this stub as installed in workspace {@code team}; {@code burst} messages a channel go out
     * without pacing, so a whole session need not wait a second per message (pacing has tests of its own).
     */
    public void register(DynamicPropertyRegistry registry, String team, String signingSecret, int burst) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> team);
        registry.add("slack.signing-secret", () -> signingSecret);
        registry.add("slack.api-url", () -> server.baseUrl() + "/api/");
        registry.add("slack.burst", () -> Integer.toString(burst));
    }

    public WireMockServer server() {
        return server;
    }

    /** The forms posted to {@code path} (say {@code /api/chat.update}), oldest first. */
    public List<Map<String, String>> requests(String path) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream().map(LoggedRequest::getBodyAsString)
                .map(SlackWebApiStub::form).toList();
    }

    /** The messages the bot posted, oldest first. */
    public List<Map<String, String>> posts() {
        return requests("/api/chat.postMessage");
    }

    /** Waits for the first posted message {@code wanted} accepts; fails listing what was posted instead. */
    public Map<String, String> awaitPost(Predicate<Map<String, String>> wanted) {
        try {
            return await().atMost(PATIENCE).until(() -> posts().stream().filter(wanted).findFirst().orElse(null),
                    form -> form != null);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not posted; the bot posted " + posts().stream()
                    .map(form -> form.get("channel") + ": " + form.get("text")).toList(), e);
        }
    }

    /** A form-encoded body, as the Slack Web API receives it. */
    public static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
