package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.trellis.channel.web.WebChatClient;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;
import dev.trellis.testing.SlackWebApiStub;

/**
 * {@code /coach delete-my-data} leaves nothing of the person anywhere. Two people use Trellis the same way: Ana in
 * Slack, Teams and the web chat (linked into one person), Ben in Slack and the web chat. Both run real flows, both
 * have coaching records of every kind, reminders (Ana's paused) and a peer invitation between them. Which
 * collections exist is read from the database afterwards, not from a list kept here; every document of every
 * collection, and every row of every Quartz table, is searched for Ana's ids and her marker phrase. Ben's data
 * stays whole. Then a late Slack retry of Ana's confirmation must not bring her back.
 */
class ErasureLeavesNothingTest extends TeamsTestEnvironment {

    private static final String SIGNING_SECRET = "a-slack-signing-secret-for-erasure";
    private static final Pattern CODE = Pattern.compile("Your code is \\*([A-Z0-9]{4}-[A-Z0-9]{4})\\*");
    private static final String ANA_MARKER = "quokka-lantern-ana";
    private static final String BEN_MARKER = "walrus-teapot-ben";
    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D9");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T9", SIGNING_SECRET, 500);
    }

    @Autowired
    PersonDirectory people;
    @Autowired
    List<ActionHandler> actions;
    @Autowired
    Reminders reminders;
    @Autowired
    DataSource quartz;

    private final HttpClient http = HttpClient.newHttpClient();
    private int slackEvents;

    @Test
    void deleteMyDataLeavesNothingOfThePersonAnywhereAndKeepsEveryoneElse() throws Exception {
        // Ana: Teams, then Slack and the web chat linked to her by codes
        TeamsPerson anaTeams = new TeamsPerson(port, mongo, "aad-ana-erased", "Ana Erased");
        String anaSlackEvent = slackDm("U9ANA", "Hello, I am " + ANA_MARKER);
        linkByCode(anaTeams, () -> slackDm("U9ANA", "link"), () -> slackDm("U9ANA", "I have a code"),
                code -> slackDm("U9ANA", code));
        WebChatClient anaWeb = WebChatClient.open(port);
        linkByCode(anaTeams, () -> web(anaWeb, "link"), () -> web(anaWeb, "I have a code"), code -> web(anaWeb, code));
        String ana = people.find(new PlatformIdentity(TeamsChannel.NAME, BotFramework.TENANT, anaTeams.aad))
                .orElseThrow();
        assertThat(people.find(new PlatformIdentity("slack", "T9", "U9ANA"))).contains(ana);

        // Ben: Slack and the web chat, linked too
        slackDm("U9BEN", "Hello, I am " + BEN_MARKER);
        WebChatClient benWeb = WebChatClient.open(port);
        web(benWeb, "Hi, I am " + BEN_MARKER);
        String ben = people.find(new PlatformIdentity("slack", "T9", "U9BEN")).orElseThrow();

        for (var who : List.of(Map.entry(ana, ANA_MARKER), Map.entry(ben, BEN_MARKER))) {
            runFlows(who.getKey(), who.getValue());
        }
        // both in flows that keep what they typed, in every chat
        slackDm("U9ANA", "/coach grow");
        slackDm("U9ANA", "I want " + ANA_MARKER + " to be better at giving feedback");
        anaTeams.says("/coach grow");
        anaTeams.says("Teams thoughts about " + ANA_MARKER);
        web(anaWeb, "grow");
        web(anaWeb, "Web thoughts about " + ANA_MARKER);
        slackDm("U9BEN", "/coach grow");
        slackDm("U9BEN", "I want " + BEN_MARKER + " to be better at planning");
        web(benWeb, "grow");
        web(benWeb, "Web thoughts about " + BEN_MARKER);

        // reminders for both; Ana's held, so her group is in the paused-groups table
        for (String person : List.of(ana, ben)) {
            reminders.set(Reminder.of(person, "weekly-look", new PlatformIdentity("slack", "T9",
                    person.equals(ana) ? "U9ANA" : "U9BEN"), null, "goal-checkin", Map.of("goal", "g1"),
                    Instant.now().plus(Duration.ofDays(3))));
        }
        reminders.pauseAll(ana);
        // a peer invitation from Ben to Ana
        slackCommand("U9BEN", "peer <@U9ANA>");
        settled();

        List<String> anaIds = List.of(ana, "U9ANA", anaTeams.aad, anaTeams.conversation, ANA_MARKER,
                webUserOf(anaWeb), "slack:T9:U9ANA");
        List<String> benIds = List.of(ben, "U9BEN", BEN_MARKER, webUserOf(benWeb));
        Map<String, List<String>> anaBefore = mentions(anaIds);
        Map<String, List<String>> benBefore = mentions(benIds);
        // the run really put Ana in every kind of store there is
        assertThat(anaBefore.keySet()).contains("conversations", "inbox", "identityLinks", "platformMessages",
                "goals", "checkins", "feedback", "oneOnOnes", "plans", "people", "teamsConversations",
                "teamsPace", "linkCodes", "webSessions", "slackPeerInvitations");
        assertThat(quartzMentions(List.of(ana))).isNotEmpty();

        // Ana asks in Slack, answers the confirmation in her own words
        slackCommand("U9ANA", "delete-my-data");
        awaitSlackSays("This erases everything Trellis keeps about you");
        String confirmation = slackDm("U9ANA", "Yes, delete!");
        awaitSlackSays("Done: everything Trellis kept about you has been erased");
        settled();
        // the farewell goes out before the erasure's own request is removed (a crash in between re-runs it)
        await().atMost(Duration.ofSeconds(30)).until(() ->
                mongo.getCollection("erasureRequests").countDocuments() == 0);

        assertThat(mentions(anaIds)).as("what is left of Ana, by collection").isEmpty();
        assertThat(quartzMentions(anaIds)).as("Ana in the Quartz tables").isEmpty();
        Map<String, List<String>> benAfter = mentions(benIds);
        for (String collection : benBefore.keySet()) {
            if (collection.equals("slackPeerInvitations")) continue; // his invitation to Ana is withdrawn with her
            assertThat(benAfter.getOrDefault(collection, List.of())).as("Ben's data in " + collection)
                    .hasSameSizeAs(benBefore.get(collection));
        }
        assertThat(quartzMentions(List.of(ben))).isNotEmpty();
        List<Document> audit = mongo.findAll(Document.class, "audit");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("type")).isEqualTo("erasure");
        assertThat(audit.get(0).toJson()).doesNotContain(ana, "U9ANA", anaTeams.aad);

        // a late retry of the confirmation (Slack resends the same event) does not bring Ana back
        resendSlack(confirmation);
        settled();
        assertThat(people.find(new PlatformIdentity("slack", "T9", "U9ANA"))).isEmpty();
        assertThat(mentions(anaIds)).isEmpty();

        // writing again later starts afresh as a new person
        slackDm("U9ANA", "hello again");
        settled();
        assertThat(people.find(new PlatformIdentity("slack", "T9", "U9ANA"))).isPresent().get().isNotEqualTo(ana);
    }

    // ------------------------------------------------------------------ seeding

    private void runFlows(String person, String marker) throws Exception {
        Map<String, Object> goal = action("goals.create", person, Map.of("title", "Goal " + marker,
                "due", "2027-03-01", "why", "because " + marker));
        action("goals.recordCheckIn", person, Map.of("goal", goal.get("id"), "progress", 4L,
                "note", "note " + marker));
        action("feedback.record", person, Map.of("recipient", "Sam", "behaviour", "feedback " + marker));
        action("recognition.record", person, Map.of("recipient", "Kim", "behaviour", "thanks " + marker));
        action("oneOnOne.addTalkingPoint", person, Map.of("text", "point " + marker, "shared", true));
        action("plan.setAspiration", person, Map.of("aspiration", "aspiration " + marker));
        action("person.update", person, Map.of("name", "Name " + marker, "timezone", "Europe/Berlin"));
    }

    private Map<String, Object> action(String name, String person, Map<String, Object> args) throws Exception {
        ActionHandler handler = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        return handler.run(new ActionHandler.Request("erasure-test", person, "test", name,
                name + ":" + person + ":" + UUID.randomUUID(), args, Instant.now()));
    }

    private interface Step {
        void run() throws Exception;
    }

    private interface CodeStep {
        void run(String code) throws Exception;
    }

    private void linkByCode(TeamsPerson teams, Step link, Step have, CodeStep enter) throws Exception {
        int before = teams.posted().size();
        teams.says("/coach link");
        teams.clicks("Give me a code");
        String code = teams.posted().subList(before, teams.posted().size()).stream()
                .flatMap(a -> TeamsConnectorLog.texts(a).stream()).map(CODE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow();
        link.run();
        settled();
        have.run();
        settled();
        enter.run(code);
        settled();
    }

    // ------------------------------------------------------------------ searching

    /** Per collection, the ids of documents that mention any of {@code needles}; collections read from the store. */
    private Map<String, List<String>> mentions(List<String> needles) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (String collection : new TreeSet<>(mongo.getCollectionNames())) {
            for (Document doc : mongo.getCollection(collection).find()) {
                String json = doc.toJson();
                if (needles.stream().anyMatch(json::contains)) {
                    found.computeIfAbsent(collection, c -> new ArrayList<>()).add(String.valueOf(doc.get("_id")));
                }
            }
        }
        return found;
    }

    /** Rows of every table of the Quartz store that mention any of {@code needles} ({@code table: row}). */
    private List<String> quartzMentions(List<String> needles) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection connection = quartz.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || !schema.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                        tables.add((schema == null ? "" : schema + ".") + rs.getString("TABLE_NAME"));
                    }
                }
            }
            assertThat(tables).anyMatch(t -> t.toUpperCase().contains("QRTZ_JOB_DETAILS"));
            for (String table : tables) {
                try (Statement st = connection.createStatement(); ResultSet rows = st.executeQuery(
                        "SELECT * FROM " + table)) {
                    ResultSetMetaData meta = rows.getMetaData();
                    while (rows.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            Object value = rows.getObject(c);
                            if (value instanceof byte[] bytes) value = new String(bytes, StandardCharsets.ISO_8859_1);
                            if (value instanceof java.sql.Blob blob) {
                                value = new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.ISO_8859_1);
                            }
                            row.append(value).append('|');
                        }
                        if (needles.stream().anyMatch(n -> row.indexOf(n) >= 0)) found.add(table + ": " + row);
                    }
                }
            }
        }
        return found;
    }

    /** The web user id the server derives from the session cookie. */
    private static String webUserOf(WebChatClient client) {
        return dev.trellis.identity.SessionDigest.of(client.session());
    }

    // ------------------------------------------------------------------ channels

    /** Everything handed in was processed and delivered. */
    private void settled() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() ->
                mongo.getCollection("inbox").countDocuments(new Document("status", "NEW")) == 0
                        && mongo.getCollection("inbox").countDocuments(
                        new Document("_id", new Document("$regex", "^lane:"))) == 0
                        && mongo.getCollection("conversations").countDocuments(
                        new Document("pending.status", "PENDING")) == 0);
    }

    private void web(WebChatClient client, String text) throws Exception {
        assertThat(client.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":" + BotFramework.quote(text) + "}"))
                .isEqualTo(202);
        settled();
    }

    private String slackDm(String user, String text) throws Exception {
        int n = ++slackEvents;
        String json = """
                {"token":"t","team_id":"T9","api_app_id":"A1","type":"event_callback","event_id":"EvErase%d",
                 "event_time":%d,
                 "event":{"type":"message","channel_type":"im","channel":"D9%s","user":"%s","text":%s,
                          "ts":"1700000000.%06d","event_ts":"1700000000.%06d"}}"""
                .formatted(n, Instant.now().getEpochSecond(), user, user, BotFramework.quote(text), n, n);
        slackEvent(json, null);
        settled();
        return json;
    }

    private void slackCommand(String user, String text) throws Exception {
        String form = "token=t&team_id=T9&api_app_id=A1&channel_id=D9" + user + "&user_id=" + user
                + "&command=%2Fcoach&text=" + java.net.URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&trigger_id=tr" + (++slackEvents) + "&response_url=" + java.net.URLEncoder.encode(
                SLACK_API.server().baseUrl() + "/response", StandardCharsets.UTF_8);
        send(form, "application/x-www-form-urlencoded", null);
        settled();
    }

    private void resendSlack(String json) throws Exception {
        slackEvent(json, "1");
    }

    private void slackEvent(String json, String retry) throws Exception {
        send(json, "application/json", retry);
    }

    private void send(String body, String type, String retry) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
                .header("Content-Type", type).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature);
        if (retry != null) request.header("X-Slack-Retry-Num", retry).header("X-Slack-Retry-Reason", "http_timeout");
        HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private void awaitSlackSays(String start) {
        await().atMost(Duration.ofSeconds(60)).until(() -> SLACK_API.posts().stream()
                .map(form -> form.getOrDefault("text", "")).anyMatch(text -> text.startsWith(start)));
    }
}
