package dev.trellis.channel.teams;

import dev.trellis.testing.MutableClock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PlatformMessages;
import dev.trellis.engine.Recipient;

/**
 * Sending into Teams on a clock the test moves: Teams' per-conversation and per-tenant limits are kept (counted in
 * MongoDB, so every node shares them), a 429's {@code Retry-After} is waited out before the next try, transient
 * answers are retried later, and a conversation the bot was removed from stops getting messages without holding up
 * anyone else.
 */
class TeamsSenderTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00.400Z");

    private final WireMockServer connector = new WireMockServer(wireMockConfig().dynamicPort());
    private final MongoServer mongoServer = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final MutableClock clock = new MutableClock(START);
    private final ConversationReferences references;
    private final TeamsChannel channel;

    TeamsSenderTest() {
        connector.start();
        connector.stubFor(post(urlEqualTo("/token")).willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":3600}")));
        connector.stubFor(post(urlMatching("/v3/conversations/.*/activities")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1:sent\"}")));
        InetSocketAddress address = mongoServer.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "teams");
        references = new ConversationReferences(mongo);
        channel = new TeamsChannel(new TeamsSender(new TeamsPace(mongo, 7, 60, 50), clock), channelConnector(),
                new AdaptiveCards(), new MemoryPlatformMessages(), references, new ChartPictures(null), () -> null,
                clock);
    }

    @AfterEach
    void stop() {
        connector.stop();
        client.close();
        mongoServer.shutdownNow();
    }

    @Test
    void rateLimitedMessageWaitsForRetryAfterBeforeItIsTriedAgain() {
        connector.stubFor(post(urlMatching("/v3/conversations/a%3Abusy/activities")).inScenario("429")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(429)
                        .withHeader("Retry-After", "7")).willSetStateTo("again"));
        connector.stubFor(post(urlMatching("/v3/conversations/a%3Abusy/activities")).inScenario("429")
                .whenScenarioStateIs("again").willReturn(aResponse().withStatus(201)
                        .withHeader("Content-Type", "application/json").withBody("{\"id\":\"1:late\"}")));

        Delivery first = channel.deliver(to("a:busy"), Outbound.text("1", "Hello"));
        assertThat(first).isInstanceOf(Delivery.Paced.class);
        assertThat(((Delivery.Paced) first).after()).isEqualTo(Duration.ofSeconds(7));

        clock.advance(Duration.ofSeconds(3));
        Delivery early = channel.deliver(to("a:busy"), Outbound.text("1", "Hello"));
        assertThat(early).isInstanceOf(Delivery.Paced.class);
        assertThat(((Delivery.Paced) early).after()).isEqualTo(Duration.ofSeconds(4));
        assertThat(requestsTo("a%3Abusy")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(4));
        assertThat(channel.deliver(to("a:busy"), Outbound.text("1", "Hello"))).isEqualTo(new Delivery.Sent("1:late"));
        assertThat(requestsTo("a%3Abusy")).isEqualTo(2);
    }

    @Test
    void aConversationGetsAtMostSevenMessagesASecondWhileOthersCarryOn() {
        for (int i = 0; i < 7; i++) {
            assertThat(channel.deliver(to("a:one"), Outbound.text("m" + i, "Message " + i)))
                    .isInstanceOf(Delivery.Sent.class);
        }
        Delivery eighth = channel.deliver(to("a:one"), Outbound.text("m7", "Message 7"));
        assertThat(eighth).isInstanceOf(Delivery.Paced.class);
        assertThat(channel.deliver(to("a:two"), Outbound.text("x", "Elsewhere"))).isInstanceOf(Delivery.Sent.class);

        clock.advance(((Delivery.Paced) eighth).after());
        assertThat(channel.deliver(to("a:one"), Outbound.text("m7", "Message 7"))).isInstanceOf(Delivery.Sent.class);
        assertThat(requestsTo("a%3Aone")).isEqualTo(8);
    }

    @Test
    void aConversationGetsAtMostSixtyMessagesInThirtySeconds() {
        int sent = 0;
        Delivery last = null;
        for (int i = 0; i < 70 && !(last instanceof Delivery.Paced); i++) {
            last = channel.deliver(to("a:chatty"), Outbound.text("m" + i, "Message " + i));
            if (last instanceof Delivery.Sent) {
                sent++;
            }
            clock.advance(Duration.ofMillis(250)); // four a second: the per-second limit never bites
        }
        assertThat(sent).isEqualTo(60);
        assertThat(last).isInstanceOf(Delivery.Paced.class);
    }

    @Test
    void aTenantGetsAtMostFiftyRequestsASecond() {
        for (int i = 0; i < 50; i++) {
            assertThat(channel.deliver(to("a:c" + i), Outbound.text("1", "Hi"))).isInstanceOf(Delivery.Sent.class);
        }
        assertThat(channel.deliver(to("a:c50"), Outbound.text("1", "Hi"))).isInstanceOf(Delivery.Paced.class);
    }

    @Test
    void transientFailuresAreRetriedLaterAndAtLeastAfterRetryAfter() {
        connector.stubFor(post(urlMatching("/v3/conversations/a%3Aflaky/activities")).willReturn(aResponse()
                .withStatus(503).withHeader("Retry-After", "30")));
        connector.stubFor(post(urlMatching("/v3/conversations/a%3Aprecondition/activities")).willReturn(aResponse()
                .withStatus(412)));

        Delivery unavailable = channel.deliver(to("a:flaky"), Outbound.text("1", "Hi"));
        assertThat(unavailable).isInstanceOf(Delivery.RetryLater.class);
        assertThat(((Delivery.RetryLater) unavailable).after()).isEqualTo(Duration.ofSeconds(30));
        assertThat(channel.deliver(to("a:precondition"), Outbound.text("1", "Hi")))
                .isInstanceOf(Delivery.RetryLater.class);
    }

    @Test
    void removedBotIsRecordedAndTheConversationGetsNothingMoreWhileOthersDo() {
        connector.stubFor(post(urlMatching("/v3/conversations/a%3Agone/activities")).willReturn(aResponse()
                .withStatus(403).withBody("{\"error\":{\"code\":\"BotNotInConversationRoster\"}}")));

        assertThat(channel.deliver(to("a:gone"), Outbound.text("1", "Hi")))
                .isEqualTo(new Delivery.Failed(TeamsSender.BOT_REMOVED));
        assertThat(references.active("a:gone")).isFalse();
        assertThat(channel.deliver(to("a:gone"), Outbound.text("2", "Anyone?")))
                .isEqualTo(new Delivery.Failed(TeamsSender.BOT_REMOVED));
        assertThat(requestsTo("a%3Agone")).isEqualTo(1);

        assertThat(channel.deliver(to("a:present"), Outbound.text("1", "Hi"))).isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void proactiveMessageUsesTheStoredConversationReference() {
        references.remember(new ConversationReferences.Reference("a:stored", connector.baseUrl(), "tenant-1",
                "28:bot", "aad-1", "29:1", "personal", true, null, null, null), clock.instant());

        Recipient withoutServiceUrl = new Recipient("teams:tenant-1:aad-1", TeamsChannel.NAME, "tenant-1", "aad-1",
                "person-1", "a:stored", Map.of());
        assertThat(channel.deliver(withoutServiceUrl, Outbound.text("1", "Time for your check-in")))
                .isInstanceOf(Delivery.Sent.class);
        assertThat(requestsTo("a%3Astored")).isEqualTo(1);
    }

    @Test
    void replyGoesOutWhileThousandsOfRemindersWaitForTheirSlotsInTheTenant() {
        TeamsChannel paced = new TeamsChannel(new TeamsSender(new TeamsPace(mongo, 7, 60, 50, 40), new BulkSlots(40),
                clock), channelConnector(), new AdaptiveCards(), new MemoryPlatformMessages(), references,
                new ChartPictures(null), () -> null, clock);
        int sentAtOnce = 0;
        Duration lastSlot = Duration.ZERO;
        for (int i = 0; i < 2_000; i++) {
            Delivery delivery = paced.deliver(to("a:r" + i), Outbound.text("1", "Time for your check-in"),
                    new OutboundChannel.Attempt("r" + i + "/1", 1, START, null, true));
            if (delivery instanceof Delivery.Sent) {
                sentAtOnce++;
            } else {
                lastSlot = ((Delivery.Paced) delivery).after();
            }
        }
        assertThat(sentAtOnce).isEqualTo(1);
        assertThat(lastSlot).isBetween(Duration.ofSeconds(49), Duration.ofSeconds(50)); // 40 a second

        clock.advance(Duration.ofMillis(100));
        assertThat(paced.deliver(to("a:chatting"), Outbound.text("7", "Thanks, noted")))
                .isInstanceOf(Delivery.Sent.class);
        assertThat(requestsTo("a%3Achatting")).isEqualTo(1);
    }

    @Test
    void aFanOutLeavesATenthOfTheTenantsSecondToReplies() {
        TeamsPace pace = new TeamsPace(mongo, 7, 60, 50, 40);
        Instant now = START;
        int bulk = 0;
        while (pace.reserve("a:b" + bulk, "tenant-1", now, true).isZero()) {
            bulk++;
        }
        assertThat(bulk).isEqualTo(40);
        for (int reply = 0; reply < 10; reply++) {
            assertThat(pace.reserve("a:reply" + reply, "tenant-1", now, false)).isZero();
        }
        assertThat(pace.reserve("a:reply-over", "tenant-1", now, false)).isPositive();
    }

    private BotConnector channelConnector() {
        HttpClient http = HttpClient.newHttpClient();
        return new BotConnector(http, new ConnectorToken(http, URI.create(connector.baseUrl() + "/token"), "app",
                "secret", clock), Duration.ofSeconds(10));
    }

    private Recipient to(String conversation) {
        return new Recipient("teams:tenant-1:" + conversation, TeamsChannel.NAME, "tenant-1", "aad-1", "person-1",
                conversation, Map.of(TeamsInbound.SERVICE_URL, connector.baseUrl()));
    }

    private int requestsTo(String encodedConversation) {
        return connector.findAll(postRequestedFor(urlEqualTo("/v3/conversations/" + encodedConversation
                + "/activities"))).size();
    }

    /** {@link PlatformMessages} in a map, as the engine's store keeps it in MongoDB. */
    static final class MemoryPlatformMessages implements PlatformMessages {

        private final Map<String, Landed> landed = new ConcurrentHashMap<>();

        @Override
        public Optional<Landed> byDelivery(String conversationId, String deliveryId) {
            return Optional.ofNullable(landed.get(conversationId + "/" + deliveryId));
        }

        @Override
        public Optional<Landed> byControl(String conversationId, String controlId) {
            return landed.values().stream().filter(l -> l.conversationId().equals(conversationId)
                    && controlId.equals(l.controlId())).findFirst();
        }

        @Override
        public void remember(Landed l) {
            landed.put(l.conversationId() + "/" + l.deliveryId(), l);
        }

        @Override
        public Optional<String> lastPlace(String conversationId) {
            return landed.values().stream().filter(l -> l.conversationId().equals(conversationId))
                    .max(java.util.Comparator.comparing(Landed::at)).map(Landed::place);
        }
    }
}
