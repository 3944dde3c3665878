package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How Trellis answers what Teams sends besides a person's typing: installs and uninstalls, mentions in a channel,
 * answered and stale cards, and input that is broken or not meant for it. Nothing here may produce a 500, lose a turn
 * or play one twice.
 */
class TeamsActivitiesTest extends TeamsTestEnvironment {

    @Test
    void installWelcomesThePersonOnceWithTheMenu() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-install");

        assertThat(send(BotFramework.installed("install-1", person.conversation, person.aad))).isEqualTo(200);
        person.settled("welcome:install-1");
        List<JsonNode> welcome = person.posted();
        assertThat(welcome).isNotEmpty();
        assertThat(welcome.stream().flatMap(a -> TeamsConnectorLog.texts(a).stream()))
                // someone new is offered the welcome conversation first
                .anyMatch(text -> text.contains("New here?") && text.contains("Welcome and first career conversation"));

        // Teams sends both update kinds on install, and retries them
        assertThat(send(BotFramework.installationUpdate("install-2", person.conversation, person.aad, "add")))
                .isEqualTo(200);
        assertThat(send(BotFramework.installed("install-1", person.conversation, person.aad))).isEqualTo(200);

        assertThat(mongo.getCollection("inbox").countDocuments(new Document("_id",
                new Document("$regex", "^teams:welcome:")).append("inbound.address", person.conversation)))
                .isEqualTo(1);
        assertThat(person.posted()).hasSize(welcome.size());
        Document reference = mongo.getCollection(ConversationReferences.COLLECTION)
                .find(new Document("_id", person.conversation)).first();
        assertThat(reference).isNotNull();
        assertThat(reference.getString("serviceUrl")).isEqualTo(BotFramework.serviceUrl());
    }

    @Test
    void addedToATeamSaysHelloInTheChannelOnceAndNothingPrivate() throws Exception {
        String channel = "19:hello-" + System.nanoTime() + "@thread.tacv2";
        String added = BotFramework.installed("team-install", channel, "aad-team-owner")
                .replace("\"conversationType\":\"personal\"", "\"conversationType\":\"channel\",\"isGroup\":true");

        assertThat(send(added)).isEqualTo(200);
        assertThat(send(added)).isEqualTo(200);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> !TeamsConnectorLog.posted(channel).isEmpty());
        List<JsonNode> hello = TeamsConnectorLog.posted(channel);
        assertThat(hello).hasSize(1);
        assertThat(hello.get(0).path("text").asText()).isEqualTo(TeamsActivities.HELLO_IN_TEAM);
        assertThat(mongo.getCollection("inbox").countDocuments(new Document("inbound.address", channel))).isZero();
    }

    @Test
    void uninstallStopsSendingAndAReinstallWelcomesAgain() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-uninstall");
        send(BotFramework.installed("uninstall-1", person.conversation, person.aad));
        person.settled("welcome:uninstall-1");
        int before = person.posted().size();

        assertThat(send(BotFramework.installationUpdate("uninstall-2", person.conversation, person.aad, "remove")))
                .isEqualTo(200);
        assertThat(mongo.getCollection(ConversationReferences.COLLECTION)
                .find(new Document("_id", person.conversation)).first().getBoolean("active")).isFalse();

        assertThat(send(BotFramework.installationUpdate("uninstall-3", person.conversation, person.aad, "add")))
                .isEqualTo(200);
        person.settled("welcome:uninstall-3");
        assertThat(person.posted().size()).isGreaterThan(before);
    }

    @Test
    void mentionInAChannelGetsAPointerInItsThreadAndNothingOfThePersonsFlow() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-mention");
        person.says("/coach grow");
        int privateBefore = person.posted().size();
        String thread = "19:general@thread.tacv2;messageid=1700000000111";

        assertThat(send(BotFramework.mention("mention-1", thread, person.aad, "I think my manager hates me")))
                .isEqualTo(200);
        person.settled("mention-1");

        List<JsonNode> inThread = TeamsConnectorLog.posted(thread);
        assertThat(inThread).hasSize(1);
        assertThat(inThread.get(0).path("text").asText()).startsWith("Let's continue in a direct message");
        assertThat(inThread.get(0).path("attachments").isMissingNode()).isTrue();
        assertThat(person.posted()).hasSize(privateBefore);

        // the flow in the personal chat is where it was: the next answer is taken as the topic and reflected
        person.says("Giving feedback to my team");
        assertThat(person.posted().subList(privateBefore, person.posted().size()))
                .anyMatch(a -> a.at("/attachments/0/content/actions/0/title").asText().equals("Yes, that's it"));
    }

    @Test
    void answeredCardIsReplacedAndAStaleSubmitGetsAPoliteNote() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-cards");
        person.says("/coach grow");
        person.says("I want to get better at giving feedback to my team");
        person.clicks("Yes, that's it");
        person.says("A plan for how I will give feedback every week");
        person.clicks("Yes, that's it");

        List<JsonNode> posted = person.posted();
        JsonNode importance = posted.get(posted.size() - 1);
        String controlId = importance.at("/attachments/0/content/actions/0/data/trellis").asText();
        JSONAssert.assertEquals("""
                {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "content":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
                  "version":"1.5",
                  "body":[{"type":"TextBlock","text":"How important is this to you right now?","wrap":true},
                          {"type":"TextBlock","text":"1 = nice to have · 10 = essential","wrap":true,
                           "isSubtle":true,"size":"Small"},
                          {"type":"Input.ChoiceSet","id":"answer","style":"compact","placeholder":"1 – 10",
                           "choices":[{"title":"1","value":"1"},{"title":"2","value":"2"},{"title":"3","value":"3"},
                                      {"title":"4","value":"4"},{"title":"5","value":"5"},{"title":"6","value":"6"},
                                      {"title":"7","value":"7"},{"title":"8","value":"8"},{"title":"9","value":"9"},
                                      {"title":"10","value":"10"}]}],
                  "actions":[{"type":"Action.Submit","title":"Send","data":{"trellis":"%s"}}]}}]}"""
                .formatted(controlId), importance.toString(), JSONCompareMode.STRICT);

        person.submit("{\"trellis\":\"" + controlId + "\",\"answer\":\"8\"}", "card-importance");
        List<JsonNode> updates = TeamsConnectorLog.updated(person.conversation);
        assertThat(updates).isNotEmpty();
        JsonNode answered = updates.get(updates.size() - 1);
        assertThat(answered.path("id").asText()).isNotBlank();
        JSONAssert.assertEquals("""
                {"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive",
                 "content":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json",
                  "version":"1.5",
                  "body":[{"type":"TextBlock","text":"How important is this to you right now?","wrap":true},
                          {"type":"TextBlock","text":"✅ 8","wrap":true,"weight":"Bolder"}]}}]}""",
                answered.toString(), JSONCompareMode.LENIENT);
        assertThat(answered.at("/attachments/0/content/actions").isMissingNode()).isTrue();

        int before = person.posted().size();
        person.submit("{\"trellis\":\"" + controlId + "\",\"answer\":\"3\"}", "card-importance");
        List<JsonNode> after = person.posted();
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(before).path("text").asText()).contains("already been answered");
    }

    @Test
    void submitNamingAnotherConversationsControlChangesNeitherConversation() throws Exception {
        TeamsPerson owner = new TeamsPerson(port, mongo, "aad-owner");
        owner.says("/coach grow");
        owner.says("I want to get better at delegating work to my team");
        List<JsonNode> ownerPosts = owner.posted();
        JsonNode ownersButton = null;
        for (int i = ownerPosts.size() - 1; i >= 0 && ownersButton == null; i--) {
            JsonNode action = ownerPosts.get(i).at("/attachments/0/content/actions/0");
            ownersButton = action.path("data").has("answer") ? action : null;
        }
        assertThat(ownersButton).as("a question with buttons in the owner's chat").isNotNull();
        String ownersControl = ownersButton.at("/data/trellis").asText();
        String ownersLabel = ownersButton.path("title").asText();
        String ownersValue = ownersButton.at("/data/answer").asText();

        TeamsPerson other = new TeamsPerson(port, mongo, "aad-other");
        other.says("/coach grow");
        int otherBefore = other.posted().size();
        other.submit("{\"trellis\":\"" + ownersControl + "\",\"answer\":\"" + ownersValue + "\"}",
                "someone-elses-card");

        assertThat(owner.posted()).hasSize(ownerPosts.size());
        List<JsonNode> otherAfter = other.posted();
        assertThat(otherAfter).hasSize(otherBefore + 1);
        assertThat(otherAfter.get(otherBefore).path("text").asText()).contains("already been answered");
        // the owner's question is still open and answers normally
        owner.clicks(ownersLabel);
        assertThat(owner.posted().size()).isGreaterThan(ownerPosts.size());
    }

    @Test
    void retriedActivityIsStoredAndAnsweredOnce() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-retry");
        String activity = BotFramework.message("retry-1", person.conversation, person.aad, "/coach");
        assertThat(send(activity)).isEqualTo(200);
        person.settled("retry-1");
        int answers = person.posted().size();

        assertThat(send(activity)).isEqualTo(200);
        person.settled("retry-1");

        assertThat(person.posted()).hasSize(answers);
        assertThat(mongo.getCollection("inbox").countDocuments(new Document("_id", "teams:retry-1"))).isEqualTo(1);
    }

    @Test
    void brokenActivitiesGetA4xxAndLeaveNoTrace() throws Exception {
        assertThat(send("{\"type\":\"message\",")).isEqualTo(400);
        assertThat(send("[1,2,3]")).isEqualTo(400);
        assertThat(send("")).isEqualTo(400);
        assertThat(send(BotFramework.message("no-service", "a:x", "aad-x", "hi")
                .replace("\"serviceUrl\":\"" + BotFramework.serviceUrl() + "\",", ""))).isEqualTo(400);
        assertThat(send(BotFramework.message("no-conversation", "a:x", "aad-x", "hi")
                .replaceAll("\"conversation\":\\{[^}]*},", ""))).isEqualTo(400);
        String huge = BotFramework.message("huge", "a:x", "aad-x", "word ".repeat(60_000));
        assertThat(send(huge)).isEqualTo(413);

        assertThat(mongo.getCollection("inbox").countDocuments(new Document("_id", new Document("$in",
                List.of("teams:no-service", "teams:no-conversation", "teams:huge"))))).isZero();
    }

    @Test
    void activitiesTrellisDoesNotActOnAreAcknowledgedAndIgnored() throws Exception {
        for (String type : List.of("typing", "messageReaction", "invoke", "event", "endOfConversation", "madeUp")) {
            String activity = BotFramework.message("ignored-" + type, "a:ignored", "aad-ignored", "x")
                    .replace("\"type\":\"message\"", "\"type\":\"" + type + "\"");
            assertThat(send(activity)).as(type).isEqualTo(200);
        }
        assertThat(send(BotFramework.submit("ignored-submit", "a:ignored", "aad-ignored", "x",
                "{\"something\":\"else\"}"))).isEqualTo(200);
        assertThat(send(BotFramework.submit("ignored-text-value", "a:ignored", "aad-ignored", "x",
                "\"just a string\""))).isEqualTo(200);
        assertThat(send(BotFramework.message("ignored-blank", "a:ignored", "aad-ignored", "   "))).isEqualTo(200);

        assertThat(mongo.getCollection("inbox").countDocuments(new Document("inbound.address", "a:ignored")))
                .isZero();
    }

    private int send(String activity) throws Exception {
        return BotFramework.send(port, activity).statusCode();
    }
}
