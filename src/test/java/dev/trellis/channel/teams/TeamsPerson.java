package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One person in their personal chat with the bot, acting as Teams would: typed messages and clicks on the cards the
 * bot posted ({@code Action.Submit} with the card's data, or a drop-down/checkbox choice and the card's submit button).
 * Each action waits until the bot has processed it and delivered everything it had to say.
 */
final class TeamsPerson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final int port;
    private final MongoTemplate mongo;
    final String aad;
    final String conversation;
    private final String name;

    TeamsPerson(int port, MongoTemplate mongo, String aad) {
        this(port, mongo, aad, "Alex Doe");
    }

    TeamsPerson(int port, MongoTemplate mongo, String aad, String name) {
        this.port = port;
        this.mongo = mongo;
        this.aad = aad;
        this.name = name;
        this.conversation = "a:personal-" + aad;
    }

    void says(String text) throws Exception {
        String id = nextId();
        assertThat(BotFramework.send(port, named(BotFramework.message(id, conversation, aad, text))).statusCode())
                .isEqualTo(200);
        settled(id);
    }

    /** Clicks the option labelled {@code label} on the newest card offering it. */
    void clicks(String label) throws Exception {
        List<JsonNode> posted = TeamsConnectorLog.posted(conversation);
        for (int i = posted.size() - 1; i >= 0; i--) {
            JsonNode card = TeamsConnectorLog.card(posted.get(i));
            for (JsonNode action : card.path("actions")) {
                if (label.equals(action.path("title").asText()) && action.path("data").has("answer")) {
                    submit(action.path("data").toString(), "act-" + i);
                    return;
                }
            }
            for (JsonNode element : card.path("body")) {
                if (!"Input.ChoiceSet".equals(element.path("type").asText())) {
                    continue;
                }
                for (JsonNode choice : element.path("choices")) {
                    if (label.equals(choice.path("title").asText())) {
                        ObjectNode data = (ObjectNode) card.path("actions").path(0).path("data").deepCopy();
                        data.put("answer", choice.path("value").asText());
                        submit(data.toString(), "act-" + i);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no card offered '" + label + "'");
    }

    void submit(String data, String replyTo) throws Exception {
        String id = nextId();
        assertThat(BotFramework.send(port, named(BotFramework.submit(id, conversation, aad, replyTo, data))).statusCode())
                .isEqualTo(200);
        settled(id);
    }

    /** The activity was processed and nothing is left to deliver. */
    void settled(String activityId) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Document event = mongo.getCollection("inbox").find(new Document("_id", "teams:" + activityId)).first();
            if (event == null) {
                return true; // ignored on purpose (nothing to process)
            }
            String status = event.getString("status");
            if ("FAILED".equals(status)) {
                throw new AssertionError("activity " + activityId + " failed to process");
            }
            if (!"DONE".equals(status)) {
                return false;
            }
            return delivered();
        });
    }

    boolean delivered() {
        for (Document doc : mongo.getCollection("conversations")
                .find(new Document("recipient.address", conversation))) {
            List<Document> pending = doc.getList("pending", Document.class, List.of());
            if (pending.stream().anyMatch(m -> "PENDING".equals(m.getString("status")))) {
                return false;
            }
        }
        return true;
    }

    List<JsonNode> posted() {
        return TeamsConnectorLog.posted(conversation);
    }

    private String named(String activity) {
        return activity.replace("\"Alex Doe\"", BotFramework.quote(name));
    }

    private String nextId() {
        return aad + "-" + IDS.incrementAndGet();
    }
}
