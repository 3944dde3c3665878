package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

import dev.trellis.engine.Inbound;

class SlackEventsEndpointTest extends SlackTestEnvironment {

    @Test
    void urlVerificationIsAnsweredWithTheChallenge() throws Exception {
        HttpResponse<String> response = slack.event(
                "{\"token\":\"t\",\"challenge\":\"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P\",\"type\":\"url_verification\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P");
    }

    @Test
    void directMessageIsStoredInTheInboxBeforeTheAcknowledgement() throws Exception {
        HttpResponse<String> response = slack.event(SlackRequests.messageEvent("Ev1", "U1", "D1", "I want to grow"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).singleElement().satisfies(in -> {
            assertThat(in.channel()).isEqualTo("slack");
            assertThat(in.eventId()).isEqualTo("T1:Ev1");
            assertThat(in.kind()).isEqualTo(Inbound.Kind.MESSAGE);
            assertThat(in.userId()).isEqualTo("U1");
            assertThat(in.address()).isEqualTo("D1");
            assertThat(in.text()).isEqualTo("I want to grow");
            assertThat(in.workspace()).isEqualTo("T1");
            assertThat(in.place()).isEqualTo(Inbound.Place.PRIVATE);
        });
    }

    @Test
    void retriedSlackEventIsAcknowledgedButHandedInOnlyOnce() throws Exception {
        String event = SlackRequests.messageEvent("Ev2", "U1", "D1", "hello");

        assertThat(slack.event(event).statusCode()).isEqualTo(200);
        assertThat(slack.retry(event, 1).statusCode()).isEqualTo(200);
        assertThat(slack.retry(event, 2).statusCode()).isEqualTo(200);

        assertThat(inbox.accepted()).hasSize(1);
        assertThat(inbox.duplicates()).hasSize(2).allSatisfy(d -> assertThat(d.eventId()).isEqualTo("T1:Ev2"));
    }

    @Test
    void wrongSignatureIsRefusedWith401() throws Exception {
        HttpResponse<String> response = slack.raw(SlackRequests.messageEvent("Ev3", "U1", "D1", "hi"), Map.of(
                "X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()),
                "X-Slack-Signature", "v0=" + "0".repeat(64)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void bodyChangedAfterSigningIsRefused() throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String signed = SlackRequests.sign(timestamp, SlackRequests.messageEvent("Ev4", "U1", "D1", "hi"));

        HttpResponse<String> response = slack.raw(SlackRequests.messageEvent("Ev4", "U1", "D1", "tampered"),
                Map.of("X-Slack-Request-Timestamp", timestamp, "X-Slack-Signature", signed));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void requestSignedSixMinutesAgoIsRefused() throws Exception {
        HttpResponse<String> response = slack.post(SlackRequests.messageEvent("Ev5", "U1", "D1", "hi"),
                "application/json", Instant.now().minus(Duration.ofMinutes(6)), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void requestSignedSixMinutesInTheFutureIsRefused() throws Exception {
        HttpResponse<String> response = slack.post(SlackRequests.messageEvent("Ev6", "U1", "D1", "hi"),
                "application/json", Instant.now().plus(Duration.ofMinutes(6)), Map.of());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void requestWithoutSignatureHeadersIsRefused() throws Exception {
        assertThat(slack.raw(SlackRequests.messageEvent("Ev7", "U1", "D1", "hi"), Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(slack.raw(SlackRequests.messageEvent("Ev7", "U1", "D1", "hi"),
                Map.of("X-Slack-Request-Timestamp", Long.toString(Instant.now().getEpochSecond()))).statusCode())
                .isEqualTo(401);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void bodyOverOneMegabyteIsRefusedWith413() throws Exception {
        String huge = SlackRequests.messageEvent("Ev8", "U1", "D1", "x".repeat(1_100_000));

        assertThat(slack.event(huge).statusCode()).isEqualTo(413);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void malformedJsonGetsA400NotA500() throws Exception {
        HttpResponse<String> response = slack.event("{\"type\":\"event_callback\",\"event\":{");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void eventWithoutEventIdIsAcknowledgedAndIgnored() throws Exception {
        String noId = """
                {"team_id":"T1","type":"event_callback","event":{"type":"message","channel_type":"im",
                 "channel":"D1","user":"U1","text":"hi","ts":"1.2"}}""";

        assertThat(slack.event(noId).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void botMessagesAndEditsAreAcknowledgedButNotHandedIn() throws Exception {
        String fromBot = """
                {"team_id":"T1","type":"event_callback","event_id":"Ev9","event":{"type":"message",
                 "channel_type":"im","channel":"D1","bot_id":"B1","text":"I am a bot","ts":"1.2"}}""";
        String edit = """
                {"team_id":"T1","type":"event_callback","event_id":"Ev10","event":{"type":"message",
                 "subtype":"message_changed","channel_type":"im","channel":"D1","ts":"1.3",
                 "message":{"type":"message","user":"U1","text":"edited","ts":"1.1"}}}""";

        assertThat(slack.event(fromBot).statusCode()).isEqualTo(200);
        assertThat(slack.event(edit).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void unsubscribedEventTypeIsStillAcknowledged() throws Exception {
        String reaction = """
                {"team_id":"T1","type":"event_callback","event_id":"Ev11","event":{"type":"reaction_added",
                 "user":"U1","reaction":"thumbsup","item":{"type":"message","channel":"D1","ts":"1.1"}}}""";

        assertThat(slack.event(reaction).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void mentionIsAnsweredInItsThreadWithoutTheMention() throws Exception {
        String mention = """
                {"team_id":"T1","type":"event_callback","event_id":"Ev12","event":{"type":"app_mention",
                 "channel":"C1","user":"U1","text":"<@U0BOT> help","ts":"1700000000.000300"}}""";

        assertThat(slack.event(mention).statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).singleElement().satisfies(in -> {
            assertThat(in.text()).isEqualTo("help");
            assertThat(in.place()).isEqualTo(Inbound.Place.SHARED);
            assertThat(in.address()).isEqualTo("C1");
            assertThat(in.meta()).containsEntry("threadTs", "1700000000.000300");
        });
    }

    @Test
    void slashCommandIsHandedInAsCommandAnsweredInTheDirectMessage() throws Exception {
        HttpResponse<String> response = slack.form(Map.of("command", "/coach", "text", " grow ", "team_id", "T1",
                "user_id", "U1", "channel_id", "C9", "trigger_id", "13345224609.738474920.8088930838d88f008e0",
                "response_url", "https://hooks.slack.com/commands/1/2/3"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.text")).contains("direct message");
        assertThat(inbox.accepted()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
            assertThat(in.text()).isEqualTo("grow");
            assertThat(in.eventId()).isEqualTo("T1:13345224609.738474920.8088930838d88f008e0");
            assertThat(in.address()).isEqualTo("U1");
        });
    }

    @Test
    void buttonClickBecomesAnActionOnTheQuestionsControl() throws Exception {
        HttpResponse<String> response = slack.interaction(blockAction("tr1", """
                {"type":"button","action_id":"ans:1:7.pick","block_id":"ctl:7.pick","value":"career",
                 "action_ts":"1700000005.1"}"""));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.ACTION);
            assertThat(in.controlId()).isEqualTo("7.pick");
            assertThat(in.values()).containsExactly("career");
            assertThat(in.address()).isEqualTo("D1");
            assertThat(in.eventId()).isEqualTo("T1:tr1");
        });
    }

    @Test
    void selectDatepickerAndCheckboxesCarryTheirValues() throws Exception {
        slack.interaction(blockAction("tr2", """
                {"type":"static_select","action_id":"ans:0:3.area","block_id":"ctl:3.area",
                 "selected_option":{"text":{"type":"plain_text","text":"Health"},"value":"health"},"action_ts":"1.1"}"""));
        slack.interaction(blockAction("tr3", """
                {"type":"datepicker","action_id":"ans:0:4.due","block_id":"ctl:4.due",
                 "selected_date":"2026-12-24","action_ts":"1.2"}"""));
        slack.interaction(blockAction("tr4", """
                {"type":"checkboxes","action_id":"pick:5.areas","block_id":"ctl:5.areas",
                 "selected_options":[{"value":"a"}],"action_ts":"1.3"}"""));
        slack.interaction(blockActionWithState("tr5", """
                {"type":"button","action_id":"done:5.areas","block_id":"ctl:5.areas:done","value":"done",
                 "action_ts":"1.4"}""", """
                {"values":{"ctl:5.areas":{"pick:5.areas":{"type":"checkboxes",
                 "selected_options":[{"text":{"type":"plain_text","text":"A"},"value":"a"},
                                     {"text":{"type":"plain_text","text":"C"},"value":"c"}]}}}}"""));

        List<Inbound> accepted = inbox.accepted();
        assertThat(accepted).extracting(Inbound::controlId).containsExactly("3.area", "4.due", "5.areas");
        assertThat(accepted).extracting(Inbound::values)
                .containsExactly(List.of("health"), List.of("2026-12-24"), List.of("a", "c"));
    }

    @Test
    void unknownInteractionIsAcknowledgedAndIgnored() throws Exception {
        assertThat(slack.interaction(blockAction("tr6", """
                {"type":"button","action_id":"somebody-elses-button","block_id":"x","value":"1","action_ts":"1.1"}"""))
                .statusCode()).isEqualTo(200);
        assertThat(slack.interaction("{\"type\":\"shortcut\",\"callback_id\":\"nope\",\"trigger_id\":\"t\","
                + "\"team\":{\"id\":\"T1\"},\"user\":{\"id\":\"U1\"}}").statusCode()).isEqualTo(200);
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void startButtonInAppHomeStartsTheFlowLikeACommand() throws Exception {
        slack.interaction("""
                {"type":"block_actions","team":{"id":"T1"},"user":{"id":"U1"},"trigger_id":"tr7",
                 "container":{"type":"view","view_id":"V1"},"view":{"id":"V1","type":"home"},
                 "actions":[{"type":"button","action_id":"start:grow","value":"grow","action_ts":"1.1"}]}""");

        assertThat(inbox.accepted()).singleElement().satisfies(in -> {
            assertThat(in.kind()).isEqualTo(Inbound.Kind.COMMAND);
            assertThat(in.text()).isEqualTo("grow");
            assertThat(in.address()).isEqualTo("U1");
        });
    }

    static String blockAction(String triggerId, String action) {
        return blockActionWithState(triggerId, action, "{\"values\":{}}");
    }

    static String blockActionWithState(String triggerId, String action, String state) {
        return """
                {"type":"block_actions","team":{"id":"T1","domain":"acme"},"user":{"id":"U1"},
                 "api_app_id":"A1","trigger_id":"%s","channel":{"id":"D1","name":"directmessage"},
                 "container":{"type":"message","message_ts":"1700000001.000200","channel_id":"D1","is_ephemeral":false},
                 "message":{"type":"message","ts":"1700000001.000200","text":"q"},
                 "state":%s,"actions":[%s]}""".formatted(triggerId, state, action);
    }
}
