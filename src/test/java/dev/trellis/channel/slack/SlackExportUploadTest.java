package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.privacy.PersonalExport;

/**
 * {@code /coach export} in Slack: the JSON file and the Markdown summary go into the person's DM in one files upload
 * (API v2: an upload URL per file, the bytes, one completion into the DM). An export that is not the recipient's is
 * never uploaded.
 */
class SlackExportUploadTest extends SlackTestEnvironment {

    @Autowired
    List<OutboundChannel> channels;
    @Autowired
    PersonalExport exports;
    @Autowired
    List<ActionHandler> actions;

    @Test
    void exportIsUploadedAsTwoFilesIntoTheDirectMessage() throws Exception {
        Recipient robin = dm("D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        goal(robin.personId(), "Robin's goal export-kestrel-marker");
        String id = exports.prepare(robin.personId(), "k-" + UUID.randomUUID());
        SLACK_API.stubFor(post(urlEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson(
                "{\"ok\":true,\"upload_url\":\"" + SLACK_API.baseUrl() + "/upload/F9\",\"file_id\":\"F9\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/upload/F9")).willReturn(aResponse().withStatus(200).withBody("OK")));
        SLACK_API.stubFor(post(urlEqualTo("/api/files.completeUploadExternal"))
                .willReturn(okJson("{\"ok\":true,\"files\":[{\"id\":\"F9\",\"title\":\"export\"}]}")));

        Delivery delivery = slack().deliver(robin, new Outbound("f1", Outbound.Kind.FILE, "Your Trellis data",
                List.of(), false, null, null, null, null, null, id));

        assertThat(delivery).isEqualTo(new Delivery.Sent("F9"));
        List<String> uploaded = SLACK_API.findAll(postRequestedFor(urlEqualTo("/upload/F9"))).stream()
                .map(r -> new String(r.getBody(), StandardCharsets.UTF_8)).toList();
        assertThat(uploaded).hasSize(2);
        assertThat(uploaded).anyMatch(body -> body.contains("\"title\": \"Robin's goal export-kestrel-marker\""));
        assertThat(uploaded).anyMatch(body -> body.startsWith("# Everything Trellis keeps about you")
                && body.contains("Robin's goal export-kestrel-marker"));
        Map<String, String> complete = SlackChannelTest.lastForm("/api/files.completeUploadExternal");
        assertThat(complete).containsEntry("channel_id", robin.address()).containsEntry("initial_comment",
                "Your Trellis data");
        assertThat(complete.get("files")).contains(".json", ".md");
    }

    @Test
    void exportOfSomeoneElseIsNotUploaded() throws Exception {
        Recipient robin = dm("D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
        String someoneElses = exports.prepare("person-someone-else", "k-" + UUID.randomUUID());

        slack().deliver(robin, new Outbound("f2", Outbound.Kind.FILE, "Your Trellis data", List.of(), false, null,
                null, null, null, null, someoneElses));

        SLACK_API.verify(0, postRequestedFor(urlEqualTo("/api/files.getUploadURLExternal")));
        List<LoggedRequest> posts = SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")));
        assertThat(SlackChannelTest.form(posts.get(posts.size() - 1).getBodyAsString()).get("text"))
                .contains("export has expired");
    }

    private void goal(String person, String title) throws Exception {
        actions.stream().filter(a -> a.name().equals("goals.create")).findFirst().orElseThrow()
                .run(new ActionHandler.Request("test", person, "smart-goal", "create", UUID.randomUUID().toString(),
                        Map.of("title", title), Instant.now()));
    }

    private static Recipient dm(String channel) {
        return new Recipient("slack:T1:U" + channel, "slack", "T1", "U" + channel, "person-" + channel, channel,
                Map.of());
    }

    private OutboundChannel slack() {
        return channels.stream().filter(c -> c.channel().equals("slack")).findFirst().orElseThrow();
    }
}
