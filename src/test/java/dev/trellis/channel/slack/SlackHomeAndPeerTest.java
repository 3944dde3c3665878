package dev.trellis.channel.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.jayway.jsonpath.JsonPath;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.FlowCatalog;

class SlackHomeAndPeerTest extends SlackTestEnvironment {

    @Autowired
    FlowCatalog flows;
    @Autowired
    SlackPeople people;
    @Autowired
    List<ActionHandler> actions;
    @Autowired
    PersonDirectory directory;

    @Test
    void openingTheHomeTabPublishesAStartButtonForEveryListedFlow() {
        String opened = """
                {"team_id":"T1","type":"event_callback","event_id":"EvHome1","event":{"type":"app_home_opened",
                 "user":"U1","channel":"D1","tab":"home","event_ts":"1.1"}}""";

        assertThat(event(opened).statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/views.publish"))).isEmpty());
        Map<String, String> publish = SlackChannelTest.lastForm("/api/views.publish");
        assertThat(publish).containsEntry("user_id", "U1");
        String view = publish.get("view");
        assertThat((String) JsonPath.read(view, "$.type")).isEqualTo("home");
        List<String> startButtons = JsonPath.read(view, "$.blocks[*].accessory.action_id");
        assertThat(startButtons).isNotEmpty()
                .containsExactlyElementsOf(flows.listed().stream().map(f -> "start:" + f.id()).toList());
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void homeTabShowsThePersonsActiveGoalsWithProgressAndDueDate() throws Exception {
        ActionHandler createGoal = actions.stream().filter(a -> a.name().equals("goals.create")).findFirst().orElseThrow();
        String person = directory.resolve(new PlatformIdentity("slack", "T1", "U42"));
        createGoal.run(new ActionHandler.Request("slack:T1:U42", person, "smart-goal", "store", "home-test-goal",
                Map.of("title", "Run a 10k <by spring>", "due", "2027-04-01"), java.time.Instant.now()));

        event("""
                {"team_id":"T1","type":"event_callback","event_id":"EvHome4","event":{"type":"app_home_opened",
                 "user":"U42","channel":"D42","tab":"home","event_ts":"1.1"}}""");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/views.publish"))).isEmpty());
        String view = SlackChannelTest.lastForm("/api/views.publish").get("view");
        List<String> texts = JsonPath.read(view, "$.blocks[*].text.text");
        assertThat(texts).contains("*Your goals*",
                "*Run a 10k &lt;by spring&gt;*  0/10 ▱▱▱▱▱▱▱▱▱▱ · due 2027-04-01");
    }

    @Autowired
    dev.trellis.scheduling.Reminders reminders;
    @Autowired
    dev.trellis.scheduling.PersonalTimes times;

    @Test
    void homeTabListsWhatTrellisWillComeBackAboutInThePersonsOwnTime() {
        String person = directory.resolve(new PlatformIdentity("slack", "T1", "U43"));
        times.save(person, dev.trellis.scheduling.PersonalTime.in(java.time.ZoneId.of("Europe/Berlin")));
        java.time.Instant due = java.time.ZonedDateTime.of(2031, 3, 3, 9, 0, 0, 0,
                java.time.ZoneId.of("Europe/Berlin")).toInstant();
        reminders.set(dev.trellis.scheduling.Reminder.of(person, "goal-checkins",
                new PlatformIdentity("slack", "T1", "U43"), "D43", "goal-checkin", Map.of(), due));

        event("""
                {"team_id":"T1","type":"event_callback","event_id":"EvHome5","event":{"type":"app_home_opened",
                 "user":"U43","channel":"D43","tab":"home","event_ts":"1.1"}}""");

        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK_API.findAll(postRequestedFor(
                urlEqualTo("/api/views.publish"))).stream().anyMatch(r -> r.getBodyAsString().contains("U43")));
        String view = SlackChannelTest.lastForm("/api/views.publish").get("view");
        List<String> texts = JsonPath.read(view, "$.blocks[*].text.text");
        assertThat(texts).contains("*Coming up*\n• Goal check-in · Mon 3 Mar, 09:00 (Europe/Berlin)");
        reminders.cancelAll(person);
    }

    @Test
    void messagesTabOpeningPublishesNothing() {
        String opened = """
                {"team_id":"T1","type":"event_callback","event_id":"EvHome2","event":{"type":"app_home_opened",
                 "user":"U1","channel":"D1","tab":"messages","event_ts":"1.1"}}""";

        assertThat(event(opened).statusCode()).isEqualTo(200);
        event(opened.replace("EvHome2", "EvHome3").replace("\"U1\"", "\"U9\"").replace("messages", "home"));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                !SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/views.publish"))).isEmpty());
        SLACK_API.verify(1, postRequestedFor(urlEqualTo("/api/views.publish")));
        assertThat(SlackChannelTest.lastForm("/api/views.publish")).containsEntry("user_id", "U9");
    }

    @Autowired
    PeerInvitations invitations;

    @Test
    void invitationStoredButNeverSentBeforeACrashIsSentByTheRescan() {
        java.time.Instant stored = java.time.Instant.now().minus(Duration.ofMinutes(5));
        mongo.insert(new PeerInvitations.Invitation("T1:lost-trigger", "T1", "U1", "U5",
                PeerInvitations.Status.PENDING, stored, null, null));

        invitations.resendUnsent();

        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK_API.findAll(postRequestedFor(
                urlEqualTo("/api/chat.postMessage"))).stream().anyMatch(r -> r.getBodyAsString().contains("channel=U5")));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById("T1:lost-trigger",
                PeerInvitations.Invitation.class).sentAt() != null);
        int posts = SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).size();
        invitations.resendUnsent();
        assertThat(SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage")))).as("sent once").hasSize(posts);
    }

    @Test
    void peerInvitationAsksThePartnerAndStartsNothingBeforeConsent() throws Exception {
        HttpResponse<String> reply = slack.form(Map.of("command", "/coach", "text", "peer <@U2|bob>", "team_id", "T1",
                "user_id", "U1", "channel_id", "C1", "trigger_id", "peer-trigger-1"));

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat((String) JsonPath.read(reply.body(), "$.text")).startsWith("I've asked <@U2> whether");
        assertThat(inbox.accepted()).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).isEmpty());
        Map<String, String> invitation = SlackChannelTest.lastForm("/api/chat.postMessage");
        assertThat(invitation).containsEntry("channel", "U2");
        List<String> actionIds = JsonPath.read(invitation.get("blocks"), "$[1].elements[*].action_id");
        assertThat(actionIds).containsExactly("peer-yes:T1:peer-trigger-1", "peer-no:T1:peer-trigger-1");

        slack.interaction(peerClick("U3", "peer-yes:T1:peer-trigger-1", "tr-intruder"));
        assertThat(inbox.accepted()).as("only the invited partner can accept").isEmpty();

        slack.interaction(peerClick("U2", "peer-yes:T1:peer-trigger-1", "tr-accept"));
        slack.interaction(peerClick("U2", "peer-yes:T1:peer-trigger-1", "tr-accept-again"));

        assertThat(inbox.accepted()).extracting(Inbound::userId, Inbound::kind, Inbound::text)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("U2", Inbound.Kind.COMMAND, "peer-coaching"),
                        org.assertj.core.groups.Tuple.tuple("U1", Inbound.Kind.COMMAND, "peer-coaching"));
    }

    @Test
    void declinedInvitationStartsNothingAndTellsTheInviter() throws Exception {
        slack.form(Map.of("command", "/coach", "text", "peer <@U5|eve>", "team_id", "T1", "user_id", "U4",
                "channel_id", "C1", "trigger_id", "peer-trigger-2"));

        slack.interaction(peerClick("U5", "peer-no:T1:peer-trigger-2", "tr-decline"));

        assertThat(inbox.accepted()).isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> SLACK_API.findAll(postRequestedFor(
                urlEqualTo("/api/chat.postMessage"))).stream().anyMatch(r -> r.getBodyAsString().contains("channel=U4")));
        assertThat(SLACK_API.findAll(postRequestedFor(urlEqualTo("/api/chat.postMessage"))).stream()
                .map(r -> SlackChannelTest.form(r.getBodyAsString()))
                .filter(f -> "U4".equals(f.get("channel"))).findFirst().orElseThrow().get("text"))
                .contains("declined");
    }

    @Test
    void peerCommandWithoutAMentionExplainsHow() throws Exception {
        HttpResponse<String> reply = slack.form(Map.of("command", "/coach", "text", "peer bob", "team_id", "T1",
                "user_id", "U1", "channel_id", "C1", "trigger_id", "peer-trigger-3"));

        assertThat((String) JsonPath.read(reply.body(), "$.text")).contains("/coach peer @alex");
        assertThat(inbox.accepted()).isEmpty();
    }

    @Test
    void personDataComesFromUsersInfoAndIsCached() {
        SLACK_API.stubFor(post(urlEqualTo("/api/users.info")).withRequestBody(containing("user=U77"))
                .willReturn(okJson("""
                        {"ok":true,"user":{"id":"U77","name":"kim","real_name":"Kim Lee","tz":"Asia/Seoul",
                         "locale":"ko-KR","profile":{"display_name":"kim"}}}""")));

        assertThat(people.find("U77")).contains(new SlackPeople.SlackPerson("U77", "Kim Lee", "Asia/Seoul", "ko-KR"));
        assertThat(people.find("U77")).isPresent();

        SLACK_API.verify(1, postRequestedFor(urlEqualTo("/api/users.info")).withRequestBody(containing("user=U77")));
    }

    @Test
    void laterEventsCarryThePersonsNameTimezoneAndLocaleLookedUpInTheBackground() throws Exception {
        slack.event(SlackRequests.messageEvent("EvPerson1", "U55", "D55", "hello"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !SLACK_API.findAll(postRequestedFor(
                urlEqualTo("/api/users.info")).withRequestBody(containing("user=U55"))).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> people.known("U55", refresh -> { }).isPresent());

        slack.event(SlackRequests.messageEvent("EvPerson2", "U55", "D55", "hello again"));

        assertThat(inbox.accepted()).extracting(Inbound::eventId).containsExactly("T1:EvPerson1", "T1:EvPerson2");
        assertThat(inbox.accepted().get(1).meta()).containsEntry("name", "Alex Doe")
                .containsEntry("timezone", "Europe/Berlin").containsEntry("locale", "de-DE");
    }

    private HttpResponse<String> event(String json) {
        try {
            return slack.event(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String peerClick(String user, String actionId, String trigger) {
        return """
                {"type":"block_actions","team":{"id":"T1"},"user":{"id":"%s"},"trigger_id":"%s",
                 "channel":{"id":"D2"},"container":{"type":"message","message_ts":"1700000001.000200","channel_id":"D2"},
                 "actions":[{"type":"button","action_id":"%s","block_id":"peer:x","value":"v","action_ts":"1.1"}]}"""
                .formatted(user, trigger, actionId);
    }
}
