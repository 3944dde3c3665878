package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import dev.trellis.testing.SlackWebApiStub;

/**
 * A whole GROW session in a Slack DM with the real inbox, engine, conversation store and outbox: the person types
 * answers as DM messages and clicks the buttons found in the Block Kit the bot posted. WireMock records what the bot
 * posts and updates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackGrowConversationTest {

    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D1");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T1", SlackRequests.SIGNING_SECRET, 50);
    }

    @LocalServerPort
    int port;

    private int seen;
    private int event;

    @Test
    void growSessionRunsInADirectMessageWithTypedAnswersAndButtons() throws Exception {
        SlackRequests slack = new SlackRequests(port);

        assertThat(slack.form(Map.of("command", "/coach", "text", "grow", "team_id", "T1", "user_id", "U1",
                "channel_id", "C9", "trigger_id", "trigger-1")).statusCode()).isEqualTo(200);
        botSays("Let's take a few minutes");
        Posted topic = botSays("think through|on your mind|most useful");
        assertThat(topic.form().get("channel")).isEqualTo("U1");

        dm(slack, "I want to get better at giving feedback to my team");
        click(slack, botAsks("Yes, that's it"), "Yes, that's it");
        botSays("different by the end|walk away with|worth it");
        dm(slack, "A plan for how I will give feedback every week");
        click(slack, botAsks("Yes, that's it"), "Yes, that's it");

        Posted importance = botSays("How important is this to you right now");
        String control = JsonPath.read(importance.blocks(), "$[1].block_id");
        assertThat(control).startsWith("ctl:");
        String controlId = control.substring("ctl:".length());
        StringBuilder buttons = new StringBuilder();
        for (int i = 1; i <= 10; i++) {
            buttons.append(i > 1 ? "," : "").append("""
                    {"type":"button","action_id":"ans:%d:%s","text":{"type":"plain_text","text":"%d"},"value":"%d"}"""
                    .formatted(i - 1, controlId, i, i));
        }
        JSONAssert.assertEquals("""
                [{"type":"section","text":{"type":"mrkdwn","text":"How important is this to you right now?"}},
                 {"type":"actions","block_id":"ctl:%s","elements":[%s]},
                 {"type":"context","elements":[{"type":"mrkdwn","text":"1 = nice to have · 10 = essential"}]}]
                """.formatted(controlId, buttons), importance.blocks(), JSONCompareMode.STRICT);

        int updatesBefore = SLACK_API.requests("/api/chat.update").size();
        click(slack, importance, "8");
        botSays("stand today|happening right now|true about");
        await().atMost(Duration.ofSeconds(90)).until(() ->
                SLACK_API.requests("/api/chat.update").size() > updatesBefore);
        Map<String, String> update = SLACK_API.requests("/api/chat.update").get(updatesBefore);
        assertThat(update).containsEntry("channel", "D1").containsEntry("ts", "1700000001.000200");
        assertThat(update.get("blocks")).contains("How important is this to you right now?")
                .contains(":white_check_mark: 8").doesNotContain("\"type\":\"button\"");

        click(slack, importance, "3");
        // the note on the stale click is for the clicker alone: ephemeral, not a message in the DM
        await().atMost(Duration.ofSeconds(90)).until(() -> SLACK_API.requests("/api/chat.postEphemeral").stream()
                .anyMatch(form -> form.getOrDefault("text", "").contains("already been answered")
                        && "U1".equals(form.get("user")) && "D1".equals(form.get("channel"))));
        assertThat(posts()).noneMatch(form -> form.getOrDefault("text", "").contains("already been answered"));

        dm(slack, "I only give feedback in annual reviews and it comes too late");
        botSays("How do you feel|how does that feel");
        dm(slack, "Frustrated, honestly");
        botSays("already tried|helped so far");
        dm(slack, "I tried a monthly one-to-one but I skipped it when busy");
        botSays("What could you do|options do you see|ways you could move");
        dm(slack, "Weekly short check-ins, or feedback right after meetings");
        botSays("no constraints|someone you admire|Anything goes");
        dm(slack, "Ask the team how they want feedback");
        botSays("first|first step|smallest step");
        dm(slack, "Book 15 minutes with each person this week");
        botSays("By when will you have done it");
        dm(slack, LocalDate.now().plusDays(7).toString());
        click(slack, botSays("How confident are you"), "9");
        botSays("take away");
        dm(slack, "Asking beats guessing");
        botSays("Here's what I heard");
        botSays("Thank");
    }

    /** A message the bot posted: the form fields of its chat.postMessage call. */
    record Posted(Map<String, String> form) {
        String blocks() {
            return form.get("blocks");
        }
    }

    /** Waits for the next bot message whose text matches {@code regex}, skipping the ones before it. */
    private Posted botSays(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return next(form -> pattern.matcher(form.getOrDefault("text", "")).find());
    }

    /** Waits for the next bot message with a button labelled {@code label} (a reflection's confirm). */
    private Posted botAsks(String label) {
        return next(form -> form.getOrDefault("blocks", "").contains("\"text\":\"" + label.replace("'", "\\u0027") + "\"")
                || form.getOrDefault("blocks", "").contains("\"text\":\"" + label + "\""));
    }

    private Posted next(Predicate<Map<String, String>> wanted) {
        try {
            // generous: the whole application shares two CPU cores with other builds
            return await().atMost(Duration.ofSeconds(90)).until(() -> {
                List<Map<String, String>> posts = posts();
                for (int i = seen; i < posts.size(); i++) {
                    if (wanted.test(posts.get(i))) {
                        seen = i + 1;
                        return new Posted(posts.get(i));
                    }
                }
                return null;
            }, posted -> posted != null);
        } catch (ConditionTimeoutException e) {
            List<String> texts = posts().stream().skip(seen).map(form -> form.get("text")).toList();
            throw new AssertionError("the bot did not say it; it said " + texts, e);
        }
    }

    private static List<Map<String, String>> posts() {
        return SLACK_API.posts();
    }

    private void dm(SlackRequests slack, String text) throws Exception {
        assertThat(slack.event(SlackRequests.messageEvent("EvFlow" + (++event), "U1", "D1", text)).statusCode())
                .isEqualTo(200);
    }

    /** Clicks the button labelled {@code label} in a posted message, as Slack would send the click. */
    private void click(SlackRequests slack, Posted message, String label) throws Exception {
        List<Map<String, Object>> buttons = JsonPath.read(message.blocks(),
                "$[*].elements[?(@.type == 'button')]");
        Map<String, Object> button = buttons.stream()
                .filter(b -> label.equals(((Map<?, ?>) b.get("text")).get("text"))).findFirst().orElseThrow();
        String action = """
                {"type":"button","action_id":"%s","block_id":"x","value":"%s","action_ts":"1.%d"}"""
                .formatted(button.get("action_id"), button.get("value"), ++event);
        assertThat(slack.interaction(SlackEventsEndpointTest.blockAction("trigger-click-" + event, action)).statusCode())
                .isEqualTo(200);
    }
}
