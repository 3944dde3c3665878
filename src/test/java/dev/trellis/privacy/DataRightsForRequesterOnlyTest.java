package dev.trellis.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.channel.web.WebChatClient;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.SessionDigest;

/**
 * Export and erasure act for the person who asks, and only for them: in the web chat, with a forged person id in
 * the request body, with someone else's export link, and with someone else's id passed to the actions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "trellis.conversations.redelivery-interval=200ms")
class DataRightsForRequesterOnlyTest {

    private static final Pattern EXPORT = Pattern.compile("/api/web/exports/([A-Za-z0-9_-]+)/json");

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonDirectory people;
    @Autowired
    List<ActionHandler> actions;

    @Test
    void exportGoesOnlyToTheRequesterWhateverTheRequestSays() throws Exception {
        WebChatClient ana = WebChatClient.open(port);
        WebChatClient ben = WebChatClient.open(port);
        String anaId = person(ana, "I am ana-otter-marker");
        String benId = person(ben, "I am ben-heron-marker");
        goal(anaId, "Ana's goal ana-otter-marker");
        goal(benId, "Ben's goal ben-heron-marker");

        // a forged person id in the body changes nothing: the session says who asks
        int status = ana.post("{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"export\",\"personId\":\""
                + benId + "\",\"userId\":\"" + benId + "\"}");
        if (status != 202) {
            assertThat(status).isEqualTo(400); // refused outright is fine too; then ask plainly
            assertThat(ana.post("{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"export\"}")).isEqualTo(202);
        }
        String exportId = await().atMost(Duration.ofSeconds(30)).until(() -> exportLink(ana), id -> id != null);

        HttpResponse<String> json = ana.get("/api/web/exports/" + exportId + "/json");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(json.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
        assertThat(json.body()).contains("Ana's goal ana-otter-marker", "I am ana-otter-marker")
                .doesNotContain("ben-heron-marker", benId);
        HttpResponse<String> markdown = ana.get("/api/web/exports/" + exportId + "/markdown");
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.body()).startsWith("# Everything Trellis keeps about you")
                .contains("Ana's goal ana-otter-marker").doesNotContain("ben-heron-marker");

        // Ben holding Ana's link gets nothing, nor does a made-up id
        assertThat(ben.get("/api/web/exports/" + exportId + "/json").statusCode()).isEqualTo(404);
        assertThat(ben.get("/api/web/exports/" + exportId + "/markdown").statusCode()).isEqualTo(404);
        assertThat(ana.get("/api/web/exports/AAAAAAAAAAAAAAAAAAAAAA/json").statusCode()).isEqualTo(404);
        assertThat(ana.get("/api/web/exports/" + exportId + "/../../images/x").statusCode()).isIn(400, 404);
    }

    @Test
    void eraseActsOnlyForTheRequesterAndAnyOtherAnswerKeepsTheData() throws Exception {
        WebChatClient ana = WebChatClient.open(port);
        WebChatClient ben = WebChatClient.open(port);
        String anaId = person(ana, "hello from ana-lynx-marker");
        String benId = person(ben, "hello from ben-crane-marker");
        goal(anaId, "Ana's goal ana-lynx-marker");
        goal(benId, "Ben's goal ben-crane-marker");

        // anything but the confirmation keeps everything
        say(ana, "delete-my-data");
        say(ana, "no");
        assertThat(ana.history()).contains("Nothing was deleted");
        say(ana, "delete-my-data");
        say(ana, "yes");
        assertThat(ana.history()).contains("Nothing was deleted");
        assertThat(goalsOf(anaId)).hasSize(1);

        // the actions never take a person id from their arguments
        ActionHandler erase = actions.stream().filter(a -> a.name().equals("privacy.erase")).findFirst()
                .orElseThrow();
        assertThat(erase.run(new ActionHandler.Request("web:web:x", anaId, "delete-my-data", "erase", "k1",
                Map.of("answer", "no", "personId", benId), Instant.now()))).containsEntry("confirmed", false);
        assertThat(mongo.findById(benId, Document.class, "erasureRequests")).isNull();

        // the confirmation, with Ben's id forged into the body, erases Ana alone
        say(ana, "delete-my-data");
        int status = ana.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"Yes, DELETE!\",\"personId\":\""
                + benId + "\"}");
        if (status != 202) {
            assertThat(status).isEqualTo(400);
            say(ana, "Yes, DELETE!");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> people.find(webIdentity(ana)).isEmpty()
                && goalsOf(anaId).isEmpty());
        assertThat(goalsOf(benId)).hasSize(1);
        assertThat(people.find(webIdentity(ben))).contains(benId);
        assertThat(ben.history()).contains("hello from ben-crane-marker");
        // Ana's old session opens nothing of before: the server hands her browser a fresh, empty chat
        assertThat(ana.history()).doesNotContain("ana-lynx-marker");
    }

    @Test
    void typedConfirmationsAreReadForgivinglyAndOnlyYesDeleteErases() {
        assertThat(ErasureActions.confirms("yes delete")).isTrue();
        assertThat(ErasureActions.confirms("  Yes, delete! ")).isTrue();
        assertThat(ErasureActions.confirms("YES   DELETE")).isTrue();
        assertThat(ErasureActions.confirms("yes delete everything")).isTrue();
        assertThat(ErasureActions.confirms("ｙｅｓ ｄｅｌｅｔｅ")).isTrue(); // full-width, as some keyboards type
        assertThat(ErasureActions.confirms("yes")).isFalse();
        assertThat(ErasureActions.confirms("delete")).isFalse();
        assertThat(ErasureActions.confirms("no")).isFalse();
        assertThat(ErasureActions.confirms("yes delete? actually no")).isFalse();
        assertThat(ErasureActions.confirms("")).isFalse();
        assertThat(ErasureActions.confirms(null)).isFalse();
    }

    private String person(WebChatClient client, String text) throws Exception {
        say(client, text);
        return people.find(webIdentity(client)).orElseThrow();
    }

    private void say(WebChatClient client, String text) throws Exception {
        long before = mongo.getCollection("inbox").countDocuments();
        assertThat(client.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text.replace("\"", "\\\"")
                + "\"}")).isEqualTo(202);
        settled();
    }

    private void settled() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                mongo.getCollection("inbox").countDocuments(new Document("status", "NEW")) == 0
                        && mongo.getCollection("inbox").countDocuments(
                        new Document("_id", new Document("$regex", "^lane:"))) == 0
                        && mongo.getCollection("conversations").countDocuments(
                        new Document("pending.status", "PENDING")) == 0);
    }

    private static PlatformIdentity webIdentity(WebChatClient client) {
        return new PlatformIdentity("web", "web", SessionDigest.of(client.session()));
    }

    private void goal(String person, String title) throws Exception {
        actions.stream().filter(a -> a.name().equals("goals.create")).findFirst().orElseThrow()
                .run(new ActionHandler.Request("test", person, "smart-goal", "create", UUID.randomUUID().toString(),
                        Map.of("title", title), Instant.now()));
    }

    private List<Document> goalsOf(String person) {
        return mongo.getCollection("goals").find(new Document("personId", person)).into(new java.util.ArrayList<>());
    }

    private static String exportLink(WebChatClient client) throws Exception {
        Matcher m = EXPORT.matcher(client.history());
        return m.find() ? m.group(1) : null;
    }
}
