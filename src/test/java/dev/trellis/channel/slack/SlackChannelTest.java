package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.trellis.coaching.internal.ChartImage;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.testing.SlackWebApiStub;

class SlackChannelTest extends SlackTestEnvironment {

    @Autowired
    List<OutboundChannel> channels;

    /** A DM of its own for each test, so the per-channel pacing of one test does not slow down the next. */
    private final Recipient alex = dm(unique());

    @Test
    void choiceIsPostedAsButtonsCarryingTheControlId() throws Exception {
        Outbound question = new Outbound("m1", Outbound.Kind.CHOICE, "Which goal <b>& why</b>?",
                List.of(new Outbound.Choice("career", "My career"), new Outbound.Choice("health", "Health")),
                false, null, null, null, null, "7.pick", null);

        Delivery delivery = slackChannel().deliver(alex, question);

        assertThat(delivery).isEqualTo(new Delivery.Sent("1700000001.000200"));
        Map<String, String> form = lastForm("/api/chat.postMessage");
        assertThat(form).containsEntry("channel", alex.address()).containsEntry("text", "Which goal &lt;b&gt;&amp; why&lt;/b&gt;?");
        JSONAssert.assertEquals("""
                [{"type":"section","text":{"type":"mrkdwn","text":"Which goal &lt;b&gt;&amp; why&lt;/b&gt;?"}},
                 {"type":"actions","block_id":"ctl:7.pick","elements":[
                   {"type":"button","action_id":"ans:0:7.pick","text":{"type":"plain_text","text":"My career"},"value":"career"},
                   {"type":"button","action_id":"ans:1:7.pick","text":{"type":"plain_text","text":"Health"},"value":"health"}]}]
                """, form.get("blocks"), JSONCompareMode.STRICT);
    }

    @Test
    void sixOptionsBecomeASelectAndMultipleChoiceBecomesCheckboxesWithDone() throws Exception {
        List<Outbound.Choice> six = List.of(new Outbound.Choice("1", "a"), new Outbound.Choice("2", "b"),
                new Outbound.Choice("3", "c"), new Outbound.Choice("4", "d"), new Outbound.Choice("5", "e"),
                new Outbound.Choice("6", "f"));
        slackChannel().deliver(alex, new Outbound("m2", Outbound.Kind.CHOICE, "Pick one", six, false, null, null,
                null, null, "8.one", null));
        assertThat(lastForm("/api/chat.postMessage").get("blocks"))
                .contains("\"type\":\"static_select\"", "\"action_id\":\"ans:0:8.one\"");

        slackChannel().deliver(dm(unique()),
                new Outbound("m3", Outbound.Kind.CHOICE, "Pick some", six.subList(0, 3), true, null, null, null,
                        null, "9.some", null));
        assertThat(lastForm("/api/chat.postMessage").get("blocks"))
                .contains("\"type\":\"checkboxes\"", "\"action_id\":\"pick:9.some\"", "\"action_id\":\"done:9.some\"");
    }

    @Test
    void scaleAndDateAndConfirmRenderTheirControls() throws Exception {
        slackChannel().deliver(alex, new Outbound("s1", Outbound.Kind.SCALE, "How far?", List.of(), false, 1, 5,
                "not at all", "completely", "3.rate", null));
        String scale = lastForm("/api/chat.postMessage").get("blocks");
        assertThat(scale).contains("\"action_id\":\"ans:4:3.rate\"", "\"value\":\"5\"");
        assertThat((String) JsonPath.read(scale, "$[2].elements[0].text")).isEqualTo("1 = not at all · 5 = completely");

        slackChannel().deliver(dm(unique()),
                new Outbound("d1", Outbound.Kind.DATE, "When?", List.of(), false, null, null, null, null, "4.due", null));
        assertThat(lastForm("/api/chat.postMessage").get("blocks"))
                .contains("\"type\":\"datepicker\"", "\"action_id\":\"ans:0:4.due\"");

        slackChannel().deliver(dm(unique()),
                new Outbound("c1", Outbound.Kind.CONFIRM, "Shall we?", List.of(new Outbound.Choice("yes", "Yes"),
                        new Outbound.Choice("no", "Not now")), false, null, null, null, null, "5.go", null));
        assertThat(lastForm("/api/chat.postMessage").get("blocks"))
                .contains("\"text\":\"Not now\"", "\"value\":\"no\"", "\"block_id\":\"ctl:5.go\"");
    }

    @Test
    void answeredQuestionIsReplacedSoItsButtonsCannotBeClickedAgain() throws Exception {
        slackChannel().deliver(alex, new Outbound("m4", Outbound.Kind.CONFIRM, "Shall we start?",
                List.of(new Outbound.Choice("yes", "Yes"), new Outbound.Choice("no", "No")), false, null, null, null,
                null, "2.go", null));

        Delivery delivery = slackChannel().deliver(alex, new Outbound("m5", Outbound.Kind.ANSWERED, "Yes",
                List.of(), false, null, null, null, null, "2.go", null));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        Map<String, String> update = lastForm("/api/chat.update");
        assertThat(update).containsEntry("channel", "D1").containsEntry("ts", "1700000001.000200");
        JSONAssert.assertEquals("""
                [{"type":"section","text":{"type":"mrkdwn","text":"Shall we start?"}},
                 {"type":"context","elements":[{"type":"mrkdwn","text":":white_check_mark: Yes"}]}]
                """, update.get("blocks"), JSONCompareMode.STRICT);
    }

    @Test
    void messageDeliveredTwiceIsPostedOnce() {
        Outbound hello = Outbound.text("m6", "Hello");

        slackChannel().deliver(alex, hello);
        Delivery again = slackChannel().deliver(alex, hello);

        assertThat(again).isEqualTo(new Delivery.Sent("1700000001.000200"));
        SLACK_API.verify(1, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    @Test
    void mentionIsAnsweredInItsThread() throws Exception {
        slackChannel().deliver(new Recipient("slack:U5", "slack", "T1", "U5", "U5", "C1",
                Map.of("threadTs", "1700000000.000300")), Outbound.text("m7", "Hi"));

        assertThat(lastForm("/api/chat.postMessage")).containsEntry("channel", "C1")
                .containsEntry("thread_ts", "1700000000.000300");
    }

    @Test
    void goneChannelFailsForGoodAndRevokedTokenStopsTheWorkspace() {
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(
                        com.github.tomakehurst.wiremock.client.WireMock.containing("channel=C404"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"channel_not_found\"}")));
        assertThat(slackChannel().deliver(new Recipient("slack:U6", "slack", "T1", "U6", "U6", "C404", Map.of()),
                Outbound.text("m8", "Hi"))).isEqualTo(new Delivery.Failed("channel_not_found"));

        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postMessage"))
                .willReturn(okJson("{\"ok\":false,\"error\":\"token_revoked\"}")));
        assertThat(slackChannel().deliver(new Recipient("slack:U7", "slack", "T2", "U7", "U7", "D7", Map.of()),
                Outbound.text("m9", "Hi"))).isEqualTo(new Delivery.Failed("token_revoked"));
        SLACK_API.resetRequests();

        assertThat(slackChannel().deliver(new Recipient("slack:U8", "slack", "T2", "U8", "U8", "D8", Map.of()),
                Outbound.text("m10", "Hi"))).isEqualTo(new Delivery.Failed("workspace inactive"));
        SLACK_API.verify(0, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    @Test
    void uninstalledWorkspaceGetsNoMoreMessages() throws Exception {
        String uninstalled = """
                {"team_id":"T1","type":"event_callback","event_id":"EvU","event":{"type":"app_uninstalled"}}""";
        assertThat(slack.event(uninstalled).statusCode()).isEqualTo(200);

        Delivery delivery = slackChannel().deliver(new Recipient("slack:T1:U9", "slack", "T1", "U9", "person-9",
                "D9", Map.of()), Outbound.text("m11", "Anyone there?"));

        assertThat(delivery).isEqualTo(new Delivery.Failed("workspace inactive"));
        SLACK_API.verify(0, postRequestedFor(urlEqualTo("/api/chat.postMessage")));
    }

    @Test
    void uninstallEventFromAnotherWorkspaceIsIgnored() throws Exception {
        String uninstalled = """
                {"team_id":"T3","type":"event_callback","event_id":"EvU3","event":{"type":"app_uninstalled"}}""";
        assertThat(slack.event(uninstalled).statusCode()).isEqualTo(200);

        assertThat(slackChannel().deliver(alex, Outbound.text("m12", "Still here")))
                .isInstanceOf(Delivery.Sent.class);
    }

    @Test
    void chartIsUploadedIntoTheDirectMessageWithTheFilesUploadApi() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        mongo.save(new ChartImage("chart-1", alex.personId(), "image/png", png, java.time.Instant.now()));
        SLACK_API.stubFor(post(urlEqualTo("/api/files.getUploadURLExternal")).willReturn(okJson(
                "{\"ok\":true,\"upload_url\":\"" + SLACK_API.baseUrl() + "/upload/F1\",\"file_id\":\"F1\"}")));
        SLACK_API.stubFor(post(urlEqualTo("/upload/F1")).willReturn(aResponse().withStatus(200).withBody("OK - 11")));
        SLACK_API.stubFor(post(urlEqualTo("/api/files.completeUploadExternal"))
                .willReturn(okJson("{\"ok\":true,\"files\":[{\"id\":\"F1\",\"title\":\"Your career wheel\"}]}")));

        Delivery delivery = slackChannel().deliver(alex, new Outbound("img1", Outbound.Kind.IMAGE,
                "Your career wheel", List.of(), false, null, null, null, null, null, "chart-1"));

        assertThat(delivery).isEqualTo(new Delivery.Sent("F1"));
        assertThat(SLACK_API.findAll(postRequestedFor(urlEqualTo("/upload/F1"))).get(0).getBody()).isEqualTo(png);
        Map<String, String> complete = lastForm("/api/files.completeUploadExternal");
        assertThat(complete).containsEntry("channel_id", alex.address());
        assertThat((String) JsonPath.read(complete.get("files"), "$[0].id")).isEqualTo("F1");
        assertThat((String) JsonPath.read(complete.get("files"), "$[0].title")).isEqualTo("Your career wheel");
    }

    @Test
    void chartOfSomeoneElseIsNotUploadedOnlyDescribed() throws Exception {
        mongo.save(new ChartImage("chart-2", "U-somebody-else", "image/png", new byte[] {1}, java.time.Instant.now()));

        slackChannel().deliver(alex, new Outbound("img2", Outbound.Kind.IMAGE, "Your career wheel", List.of(),
                false, null, null, null, null, null, "chart-2"));

        SLACK_API.verify(0, postRequestedFor(urlEqualTo("/api/files.getUploadURLExternal")));
        assertThat(lastForm("/api/chat.postMessage")).containsEntry("text", "Your career wheel");
    }

    private static String unique() {
        return "D" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Recipient dm(String channel) {
        return new Recipient("slack:T1:U" + channel, "slack", "T1", "U" + channel, "person-" + channel, channel, Map.of());
    }

    private OutboundChannel slackChannel() {
        return channels.stream().filter(c -> c.channel().equals("slack")).findFirst().orElseThrow();
    }

    static Map<String, String> lastForm(String path) {
        List<LoggedRequest> requests = SLACK_API.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(requests).as("requests to " + path).isNotEmpty();
        return form(requests.get(requests.size() - 1).getBodyAsString());
    }

    static Map<String, String> form(String body) {
        return SlackWebApiStub.form(body);
    }

}
