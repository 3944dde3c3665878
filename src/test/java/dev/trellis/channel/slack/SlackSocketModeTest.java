package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.trellis.engine.Inbound;

/**
 * Socket Mode against a local WebSocket server standing in for Slack: {@code apps.connections.open} (WireMock)
 * hands out its ws:// URL, the server pushes envelopes and reads the acknowledgements.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(SlackTestEnvironment.FakeInbox.class)
// closed with the class: a cached context's client would keep reconnecting to the stopped server for the whole suite
@DirtiesContext
class SlackSocketModeTest {

    static final WireMockServer SLACK_API = new WireMockServer(wireMockConfig().dynamicPort());
    static final FakeSlackSocket SOCKET = new FakeSlackSocket();

    static {
        SOCKET.start();
        SLACK_API.start();
        SLACK_API.stubFor(post(urlEqualTo("/api/apps.connections.open"))
                .willReturn(okJson("{\"ok\":true,\"url\":\"ws://localhost:" + SOCKET.port() + "/link\"}")));
    }

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.app-token", () -> "xapp-test-token");
        registry.add("slack.api-url", () -> SLACK_API.baseUrl() + "/api/");
    }

    @AfterAll
    static void stopServers() throws Exception {
        SOCKET.stop(1000);
        SLACK_API.stop();
    }

    @Autowired
    RecordingInbox inbox;

    @Test
    void eventPushedOverTheSocketIsStoredAndAcknowledgedByEnvelope() {
        await().atMost(Duration.ofSeconds(60)).until(() -> SOCKET.connections.get() >= 1);

        SOCKET.broadcast("""
                {"envelope_id":"env-1","type":"events_api","accepts_response_payload":false,"retry_attempt":0,
                 "payload":{"team_id":"T1","type":"event_callback","event_id":"EvSock1","event":{"type":"message",
                 "channel_type":"im","channel":"D1","user":"U1","text":"hello over the socket","ts":"1.1"}}}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> SOCKET.received.stream().anyMatch(m -> m.contains("env-1")));
        assertThat(inbox.accepted()).filteredOn(in -> in.eventId().equals("T1:EvSock1")).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.MESSAGE);
            assertThat(in.text()).isEqualTo("hello over the socket");
        });
    }

    @Test
    void slashCommandOverTheSocketIsStoredAndAcknowledged() {
        await().atMost(Duration.ofSeconds(60)).until(() -> SOCKET.connections.get() >= 1);

        SOCKET.broadcast("""
                {"envelope_id":"env-2","type":"slash_commands","accepts_response_payload":true,
                 "payload":{"command":"/coach","text":"help","team_id":"T1","user_id":"U2","channel_id":"D2",
                 "trigger_id":"sock-trigger-2"}}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> SOCKET.received.stream().anyMatch(m -> m.contains("env-2")));
        assertThat(inbox.accepted()).anySatisfy(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
            assertThat(in.text()).isEqualTo("help");
            assertThat(in.eventId()).isEqualTo("T1:sock-trigger-2");
        });
    }

    @Test
    void droppedConnectionIsReopenedThroughANewConnectionsOpen() {
        await().atMost(Duration.ofSeconds(60)).until(() -> SOCKET.connections.get() >= 1);
        int before = SOCKET.connections.get();

        SOCKET.getConnections().forEach(WebSocket::close);

        await().atMost(Duration.ofSeconds(60)).until(() -> SOCKET.connections.get() > before);
        assertThat(SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/apps.connections.open"))).size())
                .isGreaterThanOrEqualTo(2);
    }

    /** Speaks just enough of Slack's Socket Mode: "hello" on connect, remembers every frame the app sends. */
    static final class FakeSlackSocket extends WebSocketServer {
        final AtomicInteger connections = new AtomicInteger();
        final List<String> received = new CopyOnWriteArrayList<>();

        FakeSlackSocket() {
            super(new InetSocketAddress("localhost", 0));
            setReuseAddr(true);
        }

        int port() {
            await().atMost(Duration.ofSeconds(10)).until(() -> getPort() > 0);
            return getPort();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            connections.incrementAndGet();
            conn.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A1\"}}");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            received.add(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
        }

        @Override
        public void onStart() {
        }
    }
}
