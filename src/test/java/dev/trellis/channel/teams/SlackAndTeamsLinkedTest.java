package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.testing.SlackWebApiStub;

/**
 * One person in Slack and in Teams: after they typed, in their Slack DM, the link code Teams gave them, both chats
 * belong to one Trellis person, and a goal of that person shows in Slack's App Home and in a Teams goal check-in.
 * Slack requests are signed here like Slack signs them; Teams activities carry Bot Framework tokens.
 */
class SlackAndTeamsLinkedTest extends TeamsTestEnvironment {

    private static final String SIGNING_SECRET = "a-slack-signing-secret-for-tests";
    private static final Pattern CODE = Pattern.compile("Your code is \\*([A-Z0-9]{4}-[A-Z0-9]{4})\\*");
    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D7");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T7", SIGNING_SECRET, 50);
    }

    @Autowired
    PersonDirectory people;
    @Autowired
    List<ActionHandler> actions;

    private final HttpClient http = HttpClient.newHttpClient();
    private int slackEvents;

    @Test
    void personLinkedInSlackAndTeamsSeesTheSameGoalsInBoth() throws Exception {
        TeamsPerson teams = new TeamsPerson(port, mongo, "aad-linked", "Robin");
        teams.says("/coach link");
        teams.clicks("Give me a code");
        String code = teams.posted().stream().flatMap(a -> TeamsConnectorLog.texts(a).stream())
                .map(CODE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow();

        slackDm("link");
        awaitSlackSays("Linking joins this chat");
        slackDm("I have a code");
        awaitSlackSays("What's the code?");
        slackDm(code);
        awaitSlackSays("Done: your chats are linked");

        String person = people.find(new PlatformIdentity(TeamsChannel.NAME, BotFramework.TENANT, teams.aad))
                .orElseThrow();
        assertThat(people.find(new PlatformIdentity("slack", "T7", "U7"))).contains(person);
        action("goals.create").run(new ActionHandler.Request("linked-test", person, "smart-goal", "create",
                "linked-goal", Map.of("title", "Run the quarterly planning", "due", "2027-03-01"), Instant.now()));

        // Slack: App Home lists the goal
        slackEvent("""
                {"team_id":"T7","api_app_id":"A1","type":"event_callback","event_id":"EvLinkedHome",
                 "event":{"type":"app_home_opened","user":"U7","channel":"D7","tab":"home","event_ts":"1.1"}}""");
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK_API.requests("/api/views.publish").stream()
                .map(form -> form.get("view"))
                .anyMatch(view -> view != null && view.contains("Run the quarterly planning")));

        // Teams: the goal check-in offers the same goal
        int before = teams.posted().size();
        teams.says("/coach goal-checkin");
        List<JsonNode> checkin = teams.posted().subList(before, teams.posted().size());
        assertThat(checkin).anyMatch(activity -> activity.toString().contains("Run the quarterly planning"));
    }

    private ActionHandler action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    private void slackDm(String text) throws Exception {
        slackEvent("""
                {"token":"t","team_id":"T7","api_app_id":"A1","type":"event_callback","event_id":"EvLinked%d",
                 "event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D7","user":"U7","text":%s,
                          "ts":"1700000000.0001%02d","event_ts":"1700000000.0001%02d"}}"""
                .formatted(++slackEvents, BotFramework.quote(text), slackEvents, slackEvents));
    }

    private void awaitSlackSays(String start) {
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK_API.posts().stream()
                .map(form -> form.getOrDefault("text", "")).anyMatch(text -> text.startsWith(start)));
    }

    private void slackEvent(String json) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + json)
                .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/slack/events"))
                .header("Content-Type", "application/json").header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
