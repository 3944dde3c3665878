package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import dev.trellis.testing.SlackWebApiStub;

/**
 * Private conversations stay private: with GROW sessions halfway in two people's DMs, a mention of the bot in a
 * public channel and a click on someone else's button in a channel thread put nothing of either flow into the channel
 * (asserted on every call WireMock, standing in for the Slack Web API, received), and both flows carry on in their
 * DMs. Real signed requests, the real inbox, engine, conversation store and outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackPrivateConversationTest {

    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D1");

    static {
        SLACK_API.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=D2"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"D2\",\"ts\":\"1700000001.000300\"}")));
        SLACK_API.server().stubFor(post(urlEqualTo("/api/chat.postMessage")).withRequestBody(containing("channel=C1"))
                .willReturn(okJson("{\"ok\":true,\"channel\":\"C1\",\"ts\":\"1700000009.000100\"}")));
    }

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T1", SlackRequests.SIGNING_SECRET, 50);
    }

    @LocalServerPort
    int port;

    private static final Pattern NEXT_QUESTION = Pattern.compile("different by the end|walk away with|worth it");

    private int event;

    @Test
    void mentionAndForeignClickInAChannelGetNothingOfTheRunningFlowsWhichCarryOnInTheirDirectMessages()
            throws Exception {
        SlackRequests slack = new SlackRequests(port);
        startGrowInDm(slack, "U1", "D1");
        startGrowInDm(slack, "U2", "D2");
        dm(slack, "U1", "D1", "I want to get better at giving feedback to my team");
        Map<String, String> aliceConfirm = waitFor(form -> "D1".equals(form.get("channel"))
                && form.getOrDefault("blocks", "").contains("Yes, that"));
        dm(slack, "U2", "D2", "I want to delegate more of my work");
        Map<String, String> bobConfirm = waitFor(form -> "D2".equals(form.get("channel"))
                && form.getOrDefault("blocks", "").contains("Yes, that"));

        // Alice mentions the bot in a public channel while her flow waits for a click in her DM
        slack.event("""
                {"team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvMention1","event":{
                 "type":"app_mention","channel":"C1","user":"U1","text":"<@U0BOT> what do you all think?",
                 "ts":"1700000005.000100"}}""");
        Map<String, String> pointer = waitFor(form -> "C1".equals(form.get("channel")));
        assertThat(pointer.get("text")).contains("continue in a direct message");
        assertThat(pointer).containsEntry("thread_ts", "1700000005.000100");

        // Bob clicks Alice's "Yes, that's it" button, shown (say, forwarded) in a channel thread
        String alicesButton = buttonId(aliceConfirm, "Yes, that");
        slack.interaction(click("U2", "C1", "1700000005.000100", alicesButton));
        await().atMost(Duration.ofSeconds(60)).until(() -> requests("/api/chat.postEphemeral").stream()
                .anyMatch(form -> "C1".equals(form.get("channel")) && "U2".equals(form.get("user"))));
        // Bob's flow did not take Alice's button as his answer
        assertThat(requests("/api/chat.postMessage")).filteredOn(form -> "D2".equals(form.get("channel")))
                .noneMatch(form -> NEXT_QUESTION.matcher(form.getOrDefault("text", "")).find());

        // both flows carry on, in their DMs; each conversation's messages go out in order, so once these arrived
        // anything the channel events caused has been sent too
        slack.interaction(click("U1", "D1", null, alicesButton));
        waitFor(form -> "D1".equals(form.get("channel")) && NEXT_QUESTION.matcher(form.get("text")).find());
        slack.interaction(click("U2", "D2", null, buttonId(bobConfirm, "Yes, that")));
        waitFor(form -> "D2".equals(form.get("channel")) && NEXT_QUESTION.matcher(form.get("text")).find());

        assertThat(requests("/api/chat.postMessage")).filteredOn(form -> "C1".equals(form.get("channel")))
                .singleElement().satisfies(form -> assertThat(form.get("text")).contains("direct message"));
        assertThat(requests("/api/chat.postEphemeral")).filteredOn(form -> "C1".equals(form.get("channel")))
                .singleElement().satisfies(form -> assertThat(form.get("text"))
                        .contains("someone else's conversation").doesNotContain("feedback").doesNotContain("delegat"));
        assertThat(requests("/api/chat.update")).noneMatch(form -> "C1".equals(form.get("channel")));
        assertThat(SLACK_API.server().findAll(postRequestedFor(urlMatching("/api/files\\..*")))).isEmpty();
    }

    private void startGrowInDm(SlackRequests slack, String user, String dm) throws Exception {
        assertThat(slack.form(Map.of("command", "/coach", "text", "grow", "team_id", "T1", "user_id", user,
                "channel_id", dm, "trigger_id", "trigger-" + user)).statusCode()).isEqualTo(200);
        waitFor(form -> user.equals(form.get("channel"))
                && Pattern.compile("think through|on your mind|most useful").matcher(form.get("text")).find());
    }

    private void dm(SlackRequests slack, String user, String dm, String text) throws Exception {
        assertThat(slack.event(SlackRequests.messageEvent("EvPrivate" + (++event), user, dm, text)).statusCode())
                .isEqualTo(200);
    }

    private String click(String user, String channel, String threadTs, String actionId) {
        String thread = threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"";
        return """
                {"type":"block_actions","team":{"id":"T1","domain":"acme"},"user":{"id":"%s"},
                 "api_app_id":"A1","trigger_id":"trigger-click-%d","channel":{"id":"%s","name":"somewhere"},
                 "container":{"type":"message","message_ts":"1700000006.000100","channel_id":"%s"%s},
                 "message":{"type":"message","ts":"1700000006.000100","text":"q"},
                 "state":{"values":{}},
                 "actions":[{"type":"button","action_id":"%s","block_id":"x","value":"yes","action_ts":"1.%d"}]}"""
                .formatted(user, ++event, channel, channel, thread, actionId, event);
    }

    private static String buttonId(Map<String, String> message, String labelStart) {
        List<Map<String, Object>> buttons = JsonPath.read(message.get("blocks"), "$[*].elements[?(@.type == 'button')]");
        return buttons.stream().filter(b -> String.valueOf(((Map<?, ?>) b.get("text")).get("text")).startsWith(labelStart))
                .map(b -> String.valueOf(b.get("action_id"))).findFirst().orElseThrow();
    }

    private static Map<String, String> waitFor(Predicate<Map<String, String>> wanted) {
        return SLACK_API.awaitPost(wanted);
    }

    private static List<Map<String, String>> requests(String path) {
        return SLACK_API.requests(path);
    }
}
