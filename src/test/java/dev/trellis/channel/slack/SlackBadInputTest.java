package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Text no one can answer: too long for the limit the web chat has too, or nothing visible at all. */
class SlackBadInputTest extends SlackTestEnvironment {

    @Test
    void aMessageOver4000CharactersGetsAPoliteReplyAndNothingOfItIsKept() throws Exception {
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000001.000300\"}")));
        String ramble = "My manager and I keep talking past each other. ".repeat(90); // about 4,300 characters

        int status = slack.event(SlackRequests.messageEvent("Ev-long", "U1", "D1", ramble)).statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !SLACK_API.findAll(
                postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))).isEmpty());
        String reply = SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))).get(0)
                .getBodyAsString();
        assertThat(SlackChannelTest.form(reply)).containsEntry("channel", "D1").containsEntry("user", "U1")
                .containsEntry("text", SlackInbound.TOO_LONG);
        assertThat(reply).doesNotContain("talking");
    }

    @Test
    void aMessageOf4000CharactersIsTakenIn() throws Exception {
        String exactly = "x".repeat(SlackInbound.MAX_TEXT);

        slack.event(SlackRequests.messageEvent("Ev-full", "U1", "D1", exactly));

        assertThat(inbox.accepted()).singleElement().satisfies(in -> assertThat(in.text()).isEqualTo(exactly));
    }

    @Test
    void zeroWidthCharactersAloneAreABlankMessage() throws Exception {
        int status = slack.event(SlackRequests.messageEvent("Ev-zw", "U1", "D1", "\u200B\u200D\uFEFF \u2060"))
                .statusCode();

        assertThat(status).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
        assertThat(SlackInbound.isBlank("\u200Bhi")).isFalse();
    }
}
