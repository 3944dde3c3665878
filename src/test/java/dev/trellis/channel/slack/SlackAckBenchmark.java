package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Acknowledgement latency of {@code POST /slack/events}: 1,000 signed DM events from 50 concurrent senders, against
 * the whole application (real inbox on the embedded file-backed MongoDB, workers and engine running, WireMock as
 * the Web API). Not part of {@code verify}; run with {@code ./mvnw -Pbench test}. Reports p50/p99 to the console
 * and {@code target/slack-ack-benchmark.txt}; it asserts only that every event was acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackAckBenchmark {

    private static final int EVENTS = 1_000;
    private static final int SENDERS = 50;
    private static final int WARM_UP = 200;

    static final WireMockServer SLACK_API = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));

    static {
        SLACK_API.start();
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D1\",\"ts\":\"1700000001.000200\"}")));
        // as in a real workspace, Slack says who the senders are (unanswered, each event used to start a lookup)
        SLACK_API.stubFor(post(urlEqualTo("/api/users.info")).willReturn(okJson(
                "{\"ok\":true,\"user\":{\"id\":\"U1\",\"name\":\"alex\",\"real_name\":\"Alex Doe\",\"tz\":\"Europe/Berlin\"}}")));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("trellis-bench");
        registry.add("slack.bot-token", () -> "xoxb-bench");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.signing-secret", () -> SlackRequests.SIGNING_SECRET);
        registry.add("slack.api-url", () -> SLACK_API.baseUrl() + "/api/");
        registry.add("trellis.data-dir", data::toString);
        // -Dbench.mongo=memory swaps the embedded file-backed MongoDB for the in-memory one
        registry.add("trellis.mongo.embedded", () -> System.getProperty("bench.mongo", "file"));
        // -Dbench.processing=false measures the acknowledgement path alone, with the inbox workers idle
        registry.add("trellis.inbox.processing", () -> System.getProperty("bench.processing", "true"));
    }

    @LocalServerPort
    int port;

    @Test
    void acknowledgementLatencyFor1000SignedEventsFrom50Senders() throws Exception {
        SlackRequests slack = new SlackRequests(port);
        run(slack, "warm", WARM_UP);

        long started = System.nanoTime();
        List<Long> latencies = run(slack, "bench", EVENTS);
        double seconds = (System.nanoTime() - started) / 1e9;

        Collections.sort(latencies);
        String report = String.format("Slack ack latency, %d signed events, %d concurrent senders, %d CPU cores, "
                        + "embedded MongoDB %s, inbox processing %s:%n"
                        + "  p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f events/s%n",
                EVENTS, SENDERS, Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.mongo", "file"),
                System.getProperty("bench.processing", "true").equals("true") ? "on" : "off", millis(latencies, 0.50),
                millis(latencies, 0.90), millis(latencies, 0.99), latencies.get(latencies.size() - 1) / 1e6,
                EVENTS / seconds);
        System.out.print(report);
        Files.writeString(Path.of("target", "slack-ack-benchmark.txt"), report);
    }

    private static List<Long> run(SlackRequests slack, String prefix, int count) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Long>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String body = SlackRequests.messageEvent(prefix + "-" + i, "U" + (i % SENDERS), "D" + (i % SENDERS),
                        "hello " + i);
                sent.add(senders.submit(() -> {
                    long start = System.nanoTime();
                    int status = slack.event(body).statusCode();
                    long took = System.nanoTime() - start;
                    assertThat(status).isEqualTo(200);
                    return took;
                }));
            }
            List<Long> latencies = new ArrayList<>();
            for (Future<Long> f : sent) {
                latencies.add(f.get());
            }
            return latencies;
        } finally {
            senders.shutdown();
        }
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
