package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;

/**
 * Slack not answering: a post whose answer was lost is looked for (by the message metadata every post carries)
 * before it is posted again, so the person sees it once whether or not the lost try got through.
 */
class SlackOutageTest extends SlackTestEnvironment {

    @Autowired
    List<OutboundChannel> channels;

    @Test
    void aPostThatTimedOutButLandedIsFoundAfterTheOutageAndNotPostedAgain() {
        Recipient to = dm("D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        Outbound message = Outbound.text("m1", "How did this week go?");
        String key = to.conversationId() + "/" + SlackChannel.deliveryId(message);
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        // Slack is down for a while, then its history shows the post that did land
        SLACK_API.stubFor(post(urlEqualTo("/api/conversations.history")).inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(503))
                .willSetStateTo("still down"));
        SLACK_API.stubFor(post(urlEqualTo("/api/conversations.history")).inScenario("outage")
                .whenScenarioStateIs("still down").willReturn(aResponse().withStatus(503)).willSetStateTo("back"));
        SLACK_API.stubFor(post(urlEqualTo("/api/conversations.history")).inScenario("outage")
                .whenScenarioStateIs("back").willReturn(okJson("""
                        {"ok":true,"messages":[
                          {"type":"message","ts":"1700000009.000100","text":"someone else"},
                          {"type":"message","ts":"1700000042.000100","text":"How did this week go?",
                           "metadata":{"event_type":"trellis_message","event_payload":{"delivery":"%s"}}}]}
                        """.formatted(key))));

        Delivery delivered = deliverLikeTheOutbox(to, message);

        assertThat(delivered).isEqualTo(new Delivery.Sent("1700000042.000100"));
        SLACK_API.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
        assertThat(lastForm("/api/chat.postMessage").get("metadata")).contains("trellis_message").contains(key);
    }

    @Test
    void aPostThatTimedOutAndDidNotLandIsPostedOnceSlackIsBack() {
        Recipient to = dm("D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        Outbound message = Outbound.text("m2", "Shall we set a goal?");
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("lost").whenScenarioStateIs(
                Scenario.STARTED).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("5xx"));
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("lost").whenScenarioStateIs("5xx")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage")).inScenario("lost").whenScenarioStateIs("up")
                .willReturn(okJson("{\"ok\":true,\"channel\":\"" + to.address() + "\",\"ts\":\"1700000077.000100\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/api/conversations.history")).willReturn(okJson(
                "{\"ok\":true,\"messages\":[]}")));

        Delivery delivered = deliverLikeTheOutbox(to, message);

        assertThat(delivered).isEqualTo(new Delivery.Sent("1700000077.000100"));
        SLACK_API.verify(3, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
        // every post after the unanswered one was preceded by a look at the conversation
        SLACK_API.verify(2, postRequestedFor(urlEqualTo("/api/conversations.history")));
    }

    /** Tries as the outbox does: the reason of an unanswered try sticks until one gets through. */
    private Delivery deliverLikeTheOutbox(Recipient to, Outbound message) {
        Instant since = Instant.now();
        String lastFailure = null;
        for (int attempt = 1; attempt <= 10; attempt++) {
            Delivery delivery = slackChannel().deliver(to, message,
                    new OutboundChannel.Attempt(to.conversationId() + "/" + message.id(), attempt, since, lastFailure));
            if (delivery instanceof Delivery.Sent || delivery instanceof Delivery.Failed) {
                return delivery;
            }
            if (delivery instanceof Delivery.Paced paced) {
                sleep(paced.after().toMillis());
            } else if (delivery instanceof Delivery.RetryLater retry && !Delivery.UNCERTAIN.equals(lastFailure)) {
                lastFailure = retry.reason();
            }
        }
        throw new AssertionError("not delivered after 10 tries");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private SlackChannel slackChannel() {
        return (SlackChannel) channels.stream().filter(c -> c.channel().equals(SlackChannel.NAME)).findFirst()
                .orElseThrow();
    }

    private Recipient dm(String channel) {
        return new Recipient("slack:T1:U1", SlackChannel.NAME, "T1", "U1", "person-1", channel, java.util.Map.of());
    }

    private java.util.Map<String, String> lastForm(String path) {
        var requests = SLACK_API.findAll(postRequestedFor(urlEqualTo(path)));
        String body = requests.get(requests.size() - 1).getBodyAsString();
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "");
        }
        return form;
    }
}
