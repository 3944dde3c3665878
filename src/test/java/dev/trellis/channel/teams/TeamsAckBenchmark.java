package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Acknowledgement latency of {@code POST /api/messages} (Bot Framework JWT checked, activity stored in the inbox)
 * side by side with {@code POST /slack/events} (HMAC checked, event stored) in one run of the whole application:
 * 1,000 activities and 1,000 events from 50 concurrent senders each (in the order Teams, Slack, Slack, Teams, 500 at
 * a time), after 200 of each to warm up, inbox workers and
 * engine processing as in production. Not part of {@code verify}; run with {@code ./mvnw -Pbench test}. Writes
 * {@code target/teams-ack-benchmark.txt}; asserts only that everything was acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TeamsAckBenchmark {

    private static final int EVENTS = 1_000;
    private static final int SENDERS = 50;
    private static final int WARM_UP = 200;
    private static final String SLACK_SECRET = "bench-slack-signing-secret";
    static final WireMockServer SLACK_API = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));

    static {
        SLACK_API.start();
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000001.000200\"}")));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("trellis-bench");
        registry.add("trellis.data-dir", data::toString);
        registry.add("trellis.mongo.embedded", () -> System.getProperty("bench.mongo", "file"));
        registry.add("teams.app-id", () -> BotFramework.APP_ID);
        registry.add("teams.app-password", () -> "bench");
        registry.add("teams.tenant-id", () -> BotFramework.TENANT);
        registry.add("teams.open-id-metadata-url", BotFramework::metadataUrl);
        registry.add("teams.token-url", BotFramework::tokenUrl);
        registry.add("slack.bot-token", () -> "xoxb-bench");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.signing-secret", () -> SLACK_SECRET);
        registry.add("slack.api-url", () -> SLACK_API.baseUrl() + "/api/");
    }

    @LocalServerPort
    int port;
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void teamsAndSlackAcknowledgementLatencySideBySide() throws Exception {
        String authorization = "Bearer " + BotFramework.token(); // the Bot Framework reuses a token for an hour
        IntFunction<HttpRequest> teams = i -> HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/messages")).header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(BotFramework.message("bench-" + i, "a:bench-" + i % SENDERS,
                        "aad-bench-" + i % SENDERS, "hello " + i))).build();
        IntFunction<HttpRequest> slack = i -> slackEvent("EvBench" + i, "U" + i % SENDERS, "D" + i % SENDERS);

        run(teams, -WARM_UP, 0);
        run(slack, -WARM_UP, 0);
        // Teams, Slack, Slack, Teams: neither goes first into a quiet server or last into a busy one
        List<Long> teamsLatency = new ArrayList<>(run(teams, EVENTS / 2, 0));
        List<Long> slackLatency = new ArrayList<>(run(slack, EVENTS / 2, 0));
        slackLatency.addAll(run(slack, EVENTS / 2, EVENTS / 2));
        teamsLatency.addAll(run(teams, EVENTS / 2, EVENTS / 2));
        Collections.sort(teamsLatency);
        Collections.sort(slackLatency);

        String report = String.format("Ack latency, %d requests each from %d concurrent senders, %d CPU cores, "
                        + "embedded MongoDB %s, inbox processing on:%n%s%s  Teams/Slack p50 %.2f, p99 %.2f%n",
                EVENTS, SENDERS, Runtime.getRuntime().availableProcessors(), System.getProperty("bench.mongo", "file"),
                line("Teams (JWT)", teamsLatency), line("Slack (HMAC)", slackLatency),
                millis(teamsLatency, 0.5) / millis(slackLatency, 0.5),
                millis(teamsLatency, 0.99) / millis(slackLatency, 0.99));
        System.out.print(report);
        Files.writeString(Path.of("target", "teams-ack-benchmark.txt"), report);
    }

    /** Sends {@code count} requests (a negative count: warm-up ones, numbered apart) starting at number {@code from}. */
    private List<Long> run(IntFunction<HttpRequest> request, int count, int from) throws Exception {
        int first = count < 0 ? 1_000_000 : from;
        count = Math.abs(count);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                HttpRequest built = request.apply(first + i);
                Callable<Long> call = () -> {
                    long start = System.nanoTime();
                    int status = http.send(built, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    long took = System.nanoTime() - start;
                    assertThat(status).isEqualTo(200);
                    return took;
                };
                sent.add(senders.submit(call));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : sent) {
                latencies.add(f.get());
            }
            Collections.sort(latencies);
            return latencies;
        } finally {
            senders.shutdown();
        }
    }

    private HttpRequest slackEvent(String eventId, String user, String channel) {
        String json = """
                {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s",
                 "event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"%s","user":"%s","text":"hello",
                          "ts":"1700000000.000100","event_ts":"1700000000.000100"}}""".formatted(eventId, channel, user);
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SLACK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + json)
                    .getBytes(StandardCharsets.UTF_8)));
            return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
                    .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", timestamp)
                    .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String line(String name, List<Long> sorted) {
        return String.format("  %-13s p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", name, millis(sorted, 0.5),
                millis(sorted, 0.9), millis(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e6);
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
