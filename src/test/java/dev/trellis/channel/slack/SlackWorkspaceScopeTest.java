package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * Slack identities are scoped by workspace: requests from a workspace or app Trellis is not installed in are
 * acknowledged and dropped, and a person from another organisation in a Slack Connect channel is told Trellis is not
 * available to them, with nothing stored about them.
 */
class SlackWorkspaceScopeTest extends SlackTestEnvironment {

    @Test
    void messageFromAWorkspaceTrellisIsNotInstalledInIsAcknowledgedButNotStored() throws Exception {
        String foreign = SlackRequests.messageEvent("EvForeign", "U1", "D1", "hello").replace("\"T1\"", "\"T2\"");

        assertThat(slack.event(foreign).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void eventForAnotherSlackAppIsAcknowledgedButNotStored() throws Exception {
        String otherApp = SlackRequests.messageEvent("EvOtherApp", "U1", "D1", "hello").replace("\"A1\"", "\"A2\"");

        assertThat(slack.event(otherApp).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void commandFromAnotherWorkspaceIsToldTrellisIsNotAvailableAndNotStored() throws Exception {
        var response = slack.form(Map.of("command", "/coach", "text", "grow", "team_id", "T2", "user_id", "U1",
                "channel_id", "D1", "trigger_id", "trigger-foreign"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("only available to people in the workspace");
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void slackConnectMentionFromAnotherOrganisationIsPolitelyRefusedAndNothingIsStored() throws Exception {
        SLACK_API.stubFor(post(urlEqualTo("/api/chat.postEphemeral"))
                .willReturn(okJson("{\"ok\":true,\"message_ts\":\"1700000002.000100\"}")));
        String mention = """
                {"team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvConnect1","event":{
                 "type":"app_mention","channel":"C5","user":"UEXT1","user_team":"TOTHER","source_team":"TOTHER",
                 "text":"<@U0BOT> can you coach me?","ts":"1700000000.000500"}}""";

        assertThat(slack.event(mention).statusCode()).isEqualTo(200);

        assertThat(inbox.accepted()).isEmpty();
        Map<String, String> note = await().atMost(Duration.ofSeconds(30)).until(() -> SLACK_API
                .findAll(postRequestedFor(urlEqualTo("/api/chat.postEphemeral"))).stream()
                .map(request -> SlackChannelTest.form(request.getBodyAsString()))
                .filter(form -> "UEXT1".equals(form.get("user"))).findFirst().orElse(null), form -> form != null);
        assertThat(note).containsEntry("channel", "C5").containsEntry("thread_ts", "1700000000.000500");
        assertThat(note.get("text")).contains("only available to people in the workspace");
        for (String collection : List.of("identityLinks", "conversations", "inbox", "people")) {
            assertThat(mongo.findAll(Document.class, collection)).extracting(Document::toJson)
                    .noneMatch(json -> json.contains("UEXT1"));
        }
    }

    @Test
    void buttonClickBySomeoneFromAnotherOrganisationIsNotStored() throws Exception {
        String click = SlackEventsEndpointTest.blockAction("trigger-ext", """
                {"type":"button","action_id":"ans:0:7.topic","block_id":"x","value":"1","action_ts":"1.1"}""")
                .replace("\"user\":{\"id\":\"U1\"}", "\"user\":{\"id\":\"UEXT2\",\"team_id\":\"TOTHER\"}");

        assertThat(slack.interaction(click).statusCode()).isEqualTo(200);

        assertThat(inbox.accepted()).isEmpty();
    }
}
