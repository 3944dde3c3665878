package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.trellis.channel.web.WebChatClient;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.SessionDigest;
import dev.trellis.privacy.ErasureParticipant;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;
import dev.trellis.testing.SlackWebApiStub;

/**
 * Logs carry ids only, and what people write is encrypted at rest: people answer flows in Slack (signed requests),
 * Teams (Bot Framework tokens) and the web chat (its session and CSRF token) with a marker phrase, and their
 * coaching records hold it too. The phrase is then looked for in every log line (at DEBUG for Trellis and for Spring
 * Data's queries and updates), every row
 * of every Quartz table, and every field of every MongoDB collection read raw from the driver. And a raw dump taken
 * before an erasure cannot be read after it, even with the master key.
 */
@ExtendWith(OutputCaptureExtension.class)
// Spring Data's template logs every query and update with its documents: what reaches the store shows up there too
@TestPropertySource(properties = {"logging.level.dev.trellis=DEBUG",
        "logging.level.org.springframework.data.mongodb.core.MongoTemplate=DEBUG"})
class MarkerPhraseTest extends TeamsTestEnvironment {

    private static final String SIGNING_SECRET = "a-slack-signing-secret-for-marker-tests";
    private static final String MARKER = "Quokka-Marmalade-7731";
    private static final Pattern SEALED = Pattern.compile("tk1:[A-Za-z0-9+/]+");
    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D8");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T8", SIGNING_SECRET, 50);
    }

    @Autowired
    PersonDirectory people;
    @Autowired
    List<ActionHandler> actions;
    @Autowired
    DataSource quartz;
    @Autowired
    FreeTextCodec codec;
    @Autowired
    List<ErasureParticipant> erasure;
    @Autowired
    Reminders reminders;

    private final HttpClient http = HttpClient.newHttpClient();
    private int slackEvents;

    @Test
    void aMarkerPhraseWrittenInEveryChannelIsInNoLogLineNoQuartzRowAndNoClearMongoField(CapturedOutput output)
            throws Exception {
        // Teams
        TeamsPerson teams = new TeamsPerson(port, mongo, "aad-marker");
        teams.says("/coach smart-goal");
        teams.says("Teams goal " + MARKER);
        teams.says("Because of " + MARKER + " in Teams");
        // Slack
        slackCommand("smart-goal");
        awaitSlackSays("What would you like to achieve?");
        slackDm("Slack goal " + MARKER);
        awaitSlackSays("Why does this matter to you right now?");
        slackDm("Because of " + MARKER + " in Slack");
        awaitSlackSays("What could you count");
        // web chat
        WebChatClient web = WebChatClient.open(port);
        assertThat(web.post("{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"smart-goal\"}")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> web.history().contains("What would you like to achieve?"));
        assertThat(web.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"Web goal " + MARKER + "\"}"))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> web.history().contains("Why does this matter"));

        List<PlatformIdentity> identities = List.of(new PlatformIdentity("teams", BotFramework.TENANT, teams.aad),
                new PlatformIdentity("slack", "T8", "U8"),
                new PlatformIdentity("web", "web", SessionDigest.of(web.session())));
        List<String> persons = identities.stream().map(identity -> people.find(identity).orElseThrow()).toList();
        for (int i = 0; i < persons.size(); i++) {
            coachingRecordsWithTheMarker(persons.get(i));
            // what a goal check-in reminder carries into Quartz
            reminders.set(Reminder.of(persons.get(i), "marker-checkin", identities.get(i), null, "goal-checkin",
                    Map.of("goal", "goal-" + i), Instant.now().plus(Duration.ofDays(7))));
        }
        awaitInboxDone();

        assertThat(output.getAll()).as("log lines").contains("DEBUG").doesNotContain(MARKER);
        assertThat(quartzRows()).as("Quartz rows").anyMatch(row -> row.startsWith("QRTZ_JOB_DETAILS|"))
                .noneMatch(row -> row.contains(MARKER));
        Map<String, List<String>> dump = rawDump();
        assertThat(dump).containsKeys("conversations", "inbox", "goals", "oneOnOnes", "feedback");
        dump.forEach((collection, documents) -> assertThat(documents).as(collection)
                .noneMatch(json -> json.contains(MARKER)));
        // the phrase is there, encrypted, for each person: in their transcript and in their goal
        for (String person : persons) {
            assertThat(opened(dump.get("conversations"), person)).as("transcript of " + person)
                    .anyMatch(text -> text.contains(MARKER));
            assertThat(opened(dump.get("goals"), person)).as("goals of " + person)
                    .anyMatch(text -> text.contains(MARKER));
        }
    }

    @Test
    void aRawDumpTakenBeforeAnErasureCannotBeReadAfterIt() throws Exception {
        WebChatClient web = WebChatClient.open(port);
        assertThat(web.post("{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"smart-goal\"}")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> web.history().contains("What would you like to achieve?"));
        assertThat(web.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"Erased goal " + MARKER + "\"}"))
                .isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).until(() -> web.history().contains("Why does this matter"));
        String person = person("web", "web", SessionDigest.of(web.session()));
        coachingRecordsWithTheMarker(person);
        awaitInboxDone();
        Map<String, List<String>> dump = rawDump();
        List<String> sealed = dump.values().stream().flatMap(List::stream).flatMap(json -> sealedValues(json).stream())
                .filter(value -> opens(person, value)).toList();
        assertThat(sealed.stream().map(value -> codec.open(person, value)))
                .anyMatch(text -> text.contains(MARKER)).hasSizeGreaterThan(5);

        erasure.stream().filter(participant -> participant.name().equals("data-keys")).findFirst().orElseThrow()
                .erase(person);

        assertThat(sealed).allSatisfy(value -> assertThatThrownBy(() -> codec.open(person, value))
                .hasMessageContaining("no longer exists"));
        assertThat(dump.values().stream().flatMap(List::stream)).noneMatch(json -> json.contains(MARKER));
    }

    private String person(String platform, String workspace, String userId) {
        return people.find(new PlatformIdentity(platform, workspace, userId)).orElseThrow();
    }

    private void coachingRecordsWithTheMarker(String person) {
        run("goals.create", person, Map.of("title", "Goal " + MARKER, "why", "Why " + MARKER, "due", "2027-03-01"));
        run("oneOnOne.addTalkingPoint", person, Map.of("text", "Talk about " + MARKER));
        run("feedback.record", person, Map.of("recipient", "Sam " + MARKER, "situation", "In " + MARKER,
                "behaviour", "You did " + MARKER, "impact", "So " + MARKER));
    }

    private void run(String name, String person, Map<String, Object> args) {
        ActionHandler handler = actions.stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
        try {
            handler.run(new ActionHandler.Request("marker-" + person, person, "marker", name, name + "-" + person,
                    args, Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(name + " failed", e);
        }
    }

    private void awaitInboxDone() {
        await().atMost(Duration.ofSeconds(120)).until(() -> rawDump().getOrDefault("inbox", List.of()).stream()
                .noneMatch(json -> json.contains("\"NEW\"")));
    }

    /** Every document of every collection, as the driver returns it (no mapping, no lifecycle events). */
    private Map<String, List<String>> rawDump() {
        Map<String, List<String>> dump = new LinkedHashMap<>();
        for (String collection : mongo.getDb().listCollectionNames()) {
            List<String> documents = new ArrayList<>();
            mongo.getDb().getCollection(collection).find().forEach(doc -> documents.add(doc.toJson()));
            dump.put(collection, documents);
        }
        return dump;
    }

    /** Every cell of every table in the Quartz store, as text (BLOBs decoded as UTF-8). */
    private List<String> quartzRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = quartz.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = connection.getMetaData().getTables(null, null, "QRTZ_%", new String[] {"TABLE"})) {
                while (names.next()) {
                    tables.add(names.getString("TABLE_NAME"));
                }
            }
            assertThat(tables).contains("QRTZ_JOB_DETAILS", "QRTZ_TRIGGERS");
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int c = 1; c <= columns; c++) {
                            Object value = result.getObject(c);
                            row.append('|').append(value instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
                        }
                        rows.add(row.toString());
                    }
                }
            }
        }
        return rows;
    }

    private List<String> opened(List<String> documents, String person) {
        return documents.stream().filter(json -> json.contains(person)).flatMap(json -> sealedValues(json).stream())
                .filter(value -> opens(person, value)).map(value -> codec.open(person, value))
                .collect(Collectors.toList());
    }

    private boolean opens(String person, String value) {
        try {
            codec.open(person, value);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<String> sealedValues(String json) {
        List<String> values = new ArrayList<>();
        Matcher matcher = SEALED.matcher(json);
        while (matcher.find()) {
            values.add(matcher.group());
        }
        return values;
    }

    private void slackCommand(String text) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("token", "t");
        fields.put("team_id", "T8");
        fields.put("team_domain", "marker");
        fields.put("channel_id", "D8");
        fields.put("channel_name", "directmessage");
        fields.put("user_id", "U8");
        fields.put("user_name", "quinn");
        fields.put("command", "/coach");
        fields.put("text", text);
        fields.put("api_app_id", "A1");
        fields.put("trigger_id", "1.2.3");
        fields.put("response_url", "https://hooks.slack.com/commands/T8/1/x");
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        slackRequest(body, "application/x-www-form-urlencoded");
    }

    private void slackDm(String text) throws Exception {
        slackRequest("""
                {"token":"t","team_id":"T8","api_app_id":"A1","type":"event_callback","event_id":"EvMarker%d",
                 "event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"D8","user":"U8","text":%s,
                          "ts":"1700000000.0002%02d","event_ts":"1700000000.0002%02d"}}"""
                .formatted(++slackEvents, BotFramework.quote(text), slackEvents, slackEvents), "application/json");
    }

    private void awaitSlackSays(String start) {
        await().atMost(Duration.ofSeconds(120)).until(() -> SLACK_API.posts().stream()
                .map(form -> form.getOrDefault("text", "")).anyMatch(text -> text.contains(start)));
    }

    private void slackRequest(String body, String contentType) throws Exception {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/slack/events"))
                .header("Content-Type", contentType).header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
