package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.jayway.jsonpath.JsonPath;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.SessionDigest;
import dev.trellis.testing.SlackWebApiStub;

/**
 * One person, two chats: a goal made in the web chat shows in Slack's App Home once the person typed, in their Slack
 * DM, the link code the web chat gave them. Each chat keeps its own conversation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinkingAcrossChannelsTest {

    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D1");
    private static final Pattern CODE = Pattern.compile("Your code is \\*([A-Z0-9]{4}-[A-Z0-9]{4})\\*");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T1", SlackRequests.SIGNING_SECRET, 50);
    }

    @LocalServerPort
    int port;
    @Autowired
    PersonDirectory people;
    @Autowired
    List<ActionHandler> actions;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void goalMadeInTheWebChatShowsInSlackAppHomeAfterLinking() throws Exception {
        // in the web chat: a goal, then a link code
        webPost("{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"link\"}");
        String choice = await().atMost(Duration.ofSeconds(60)).until(() -> openControl(), c -> c != null);
        String webPerson = people.find(new PlatformIdentity("web", "web", SessionDigest.of(web().session()))).orElseThrow();
        action("goals.create").run(new ActionHandler.Request("web-test", webPerson, "smart-goal", "create",
                "linking-test-goal", Map.of("title", "Speak at a meetup", "due", "2027-03-01"), Instant.now()));
        webPost("{\"id\":\"" + UUID.randomUUID() + "\",\"controlId\":\"" + choice + "\",\"values\":[\"give\"]}");
        String code = await().atMost(Duration.ofSeconds(60)).until(this::codeShown, c -> c != null);

        // in Slack: /coach link, "I have a code", the code typed in the DM
        SlackRequests slack = new SlackRequests(port);
        slack.form(Map.of("command", "/coach", "text", "link", "team_id", "T1", "user_id", "U1", "channel_id", "D1",
                "trigger_id", "trigger-link"));
        Map<String, String> question =
                SLACK_API.awaitPost(form -> form.getOrDefault("blocks", "").contains("I have a code"));
        slack.interaction(click(question, "I have a code"));
        SLACK_API.awaitPost(form -> form.getOrDefault("text", "").startsWith("What's the code?"));
        slack.event(SlackRequests.messageEvent("EvLinkCode", "U1", "D1", code.toLowerCase()));
        SLACK_API.awaitPost(form -> form.getOrDefault("text", "").startsWith("Done: your chats are linked"));

        assertThat(people.find(new PlatformIdentity("slack", "T1", "U1"))).contains(webPerson);
        slack.event("""
                {"team_id":"T1","type":"event_callback","event_id":"EvLinkHome","event":{"type":"app_home_opened",
                 "user":"U1","channel":"D1","tab":"home","event_ts":"1.1"}}""");
        await().atMost(Duration.ofSeconds(30)).until(() -> !SLACK_API.requests("/api/views.publish").isEmpty());
        List<Map<String, String>> published = SLACK_API.requests("/api/views.publish");
        String view = published.get(published.size() - 1).get("view");
        List<String> home = JsonPath.read(view, "$.blocks[*].text.text");
        assertThat(home).anyMatch(text -> text.startsWith("*Speak at a meetup*"));
        // the conversations stay per chat: nothing said in Slack is in the web chat's history
        assertThat(webHistory()).doesNotContain("What's the code?");
    }

    private ActionHandler action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private String click(Map<String, String> message, String label) {
        List<Map<String, Object>> buttons = JsonPath.read(message.get("blocks"), "$[*].elements[?(@.type == 'button')]");
        Map<String, Object> button = buttons.stream()
                .filter(b -> label.equals(((Map<?, ?>) b.get("text")).get("text"))).findFirst().orElseThrow();
        return SlackEventsEndpointTest.blockAction("trigger-link-click", """
                {"type":"button","action_id":"%s","block_id":"x","value":"%s","action_ts":"1.2"}"""
                .formatted(button.get("action_id"), button.get("value")));
    }

    private String codeShown() throws Exception {
        Matcher matcher = CODE.matcher(webHistory());
        return matcher.find() ? matcher.group(1) : null;
    }

    private String openControl() throws Exception {
        return JsonPath.read(webHistory(), "$.openControl");
    }

    private dev.trellis.channel.web.WebChatClient browser;

    private dev.trellis.channel.web.WebChatClient web() throws Exception {
        if (browser == null) browser = dev.trellis.channel.web.WebChatClient.open(port);
        return browser;
    }

    private String webHistory() throws Exception {
        return web().history();
    }

    private void webPost(String json) throws Exception {
        assertThat(web().post(json)).isEqualTo(202);
    }
}
