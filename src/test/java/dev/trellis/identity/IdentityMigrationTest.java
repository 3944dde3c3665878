package dev.trellis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.TranscriptEntry;

/**
 * Documents written before person ids existed (conversation {@code slack:U1}, goals owned by {@code U1}, a web
 * conversation keyed by the session cookie) are moved to person ids at start-up, and running the migration a second
 * time changes nothing.
 */
@SpringBootTest
class IdentityMigrationTest {

    private static final String SESSION = "Zm9vYmFyYmF6cXV4MTIzNA";

    @Autowired
    IdentityMigration migration;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonDirectory people;
    @Autowired
    Conversations conversations;

    @Test
    void oldDocumentsMoveToPersonIdsAndASecondRunChangesNothing() {
        String slackUser = "UMIG" + System.nanoTime();
        seedOldSlackPerson(slackUser);
        seedOldWebSession(slackUser);

        migration.migrate();
        String alex = people.find(new PlatformIdentity("slack", "T1", slackUser)).orElseThrow();
        String web = people.find(new PlatformIdentity("web", "web", SessionDigest.of(SESSION))).orElseThrow();
        Map<String, Long> countsAfterFirstRun = counts();
        migration.migrate();

        assertThat(counts()).isEqualTo(countsAfterFirstRun);
        assertThat(people.find(new PlatformIdentity("slack", "T1", slackUser))).contains(alex);
        assertThat(alex).isNotEqualTo(slackUser).matches("[0-9a-f-]{36}");
        // the conversation is re-keyed by identity and owned by the person; nothing stays under the old key
        String conversationId = "slack:T1:" + slackUser;
        assertThat(mongo.findById("slack:" + slackUser, Document.class, "conversations")).isNull();
        Document conversation = mongo.findById(conversationId, Document.class, "conversations");
        assertThat(conversation.get("recipient", Document.class)).containsEntry("personId", alex)
                .containsEntry("workspace", "T1").containsEntry("userId", slackUser).containsEntry("address", "D1");
        assertThat(conversation.get("state", Document.class).get("turn", Number.class).longValue()).isEqualTo(3L);
        // coaching data follows the person
        assertThat(mongo.findById("goal-" + slackUser, Document.class, "goals")).containsEntry("personId", alex);
        assertThat(mongo.findById(alex, Document.class, "plans")).containsEntry("personId", alex)
                .containsEntry("aspiration", "Lead a team");
        assertThat(mongo.findById(slackUser, Document.class, "plans")).isNull();
        assertThat(mongo.findById(alex, Document.class, "people")).containsEntry("name", "Alex");
        assertThat(mongo.findById(alex + "|grow", Document.class, "askedQuestions")).isNotNull();
        // an event waiting in the inbox belongs to the re-keyed conversation
        Document waiting = mongo.findById("slack:T1:EvOld" + slackUser, Document.class, "inbox");
        assertThat(waiting).containsEntry("conversationId", conversationId);
        assertThat(waiting.get("inbound", Document.class)).containsEntry("userId", slackUser)
                .containsEntry("workspace", "T1").doesNotContainKey("personId");
        // the web session's cookie is gone from every id and field; its data is the web person's
        String webConversation = "web:web:" + SessionDigest.of(SESSION);
        assertThat(mongo.findById(webConversation, Document.class, "conversations")).isNotNull();
        assertThat(mongo.findById("goal-web" + slackUser, Document.class, "goals")).containsEntry("personId", web);
        for (String collection : List.of("conversations", "inbox", "goals", "identityLinks")) {
            assertThat(mongo.findAll(Document.class, collection)).extracting(Document::toJson)
                    .as(collection).noneMatch(json -> json.contains(SESSION));
        }

        // the migrated conversation carries on from where it was
        conversations.handle(Inbound.message("slack", "T1:EvAfter" + slackUser, "T1", slackUser, "D1", "menu",
                Instant.now()));
        assertThat(conversations.transcript(conversationId)).extracting(TranscriptEntry::seq)
                .contains(4L).allMatch(seq -> seq >= 1);
    }

    private Map<String, Long> counts() {
        return Map.of("conversations", mongo.getCollection("conversations").countDocuments(),
                "identityLinks", mongo.getCollection("identityLinks").countDocuments(),
                "goals", mongo.getCollection("goals").countDocuments(),
                "plans", mongo.getCollection("plans").countDocuments(),
                "people", mongo.getCollection("people").countDocuments(),
                "inbox", mongo.getCollection("inbox").countDocuments());
    }

    private void seedOldSlackPerson(String user) {
        String oldId = "slack:" + user;
        Date at = Date.from(Instant.parse("2026-11-01T10:00:00Z"));
        Document message = new Document("_id", oldId + ":2:1").append("kind", "TEXT").append("text", "Welcome back")
                .append("choices", List.of()).append("multiple", false);
        mongo.insert(new Document("_id", oldId).append("version", 4L)
                .append("state", new Document("status", "IDLE").append("attempts", 0).append("turn", 3L))
                .append("recipient", new Document("conversationId", oldId).append("channel", "slack")
                        .append("personId", user).append("address", "D1").append("meta", new Document("team", "T1")))
                .append("pending", List.of())
                .append("transcript", List.of(
                        new Document("seq", 1L).append("direction", "IN").append("text", "hello").append("at", at),
                        new Document("seq", 2L).append("direction", "OUT").append("message", message).append("at", at)))
                .append("lastSeq", 3L).append("recentEvents", List.of("slack:T1:Ev1")), "conversations");
        mongo.insert(new Document("_id", "goal-" + user).append("personId", user).append("title", "Run a 10k")
                .append("status", "ACTIVE").append("progress", 3), "goals");
        mongo.insert(new Document("_id", user).append("personId", user).append("aspiration", "Lead a team"), "plans");
        mongo.insert(new Document("_id", user).append("name", "Alex").append("platformIds", Map.of("slack", user))
                        .append("timezone", "Europe/Berlin").append("locale", "en").append("peerCoaching", false),
                "people");
        mongo.insert(new Document("_id", user + "|grow").append("personId", user).append("topic", "grow"),
                "askedQuestions");
        mongo.insert(new Document("_id", "slack:T1:EvOld" + user).append("conversationId", oldId).append("seq", 1L)
                .append("status", "DONE").append("attempts", 1)
                .append("inbound", new Document("channel", "slack").append("eventId", "T1:EvOld" + user)
                        .append("personId", user).append("address", "D1").append("kind", "MESSAGE")
                        .append("meta", new Document("team", "T1"))), "inbox");
    }

    private void seedOldWebSession(String suffix) {
        String oldId = "web:" + SESSION;
        mongo.remove(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").is(oldId)), "conversations");
        mongo.insert(new Document("_id", oldId).append("version", 1L)
                .append("state", new Document("status", "IDLE").append("attempts", 0).append("turn", 1L))
                .append("recipient", new Document("conversationId", oldId).append("channel", "web")
                        .append("personId", SESSION).append("address", SESSION).append("meta", new Document()))
                .append("pending", List.of(new Document("_id", "1").append("status", "SENT")
                        .append("message", new Document("_id", oldId + ":1:1").append("kind", "TEXT")
                                .append("text", "Hi"))))
                .append("transcript", List.of()).append("lastSeq", 1L), "conversations");
        mongo.insert(new Document("_id", "goal-web" + suffix).append("personId", SESSION)
                .append("title", "Read more"), "goals");
    }
}
