package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** What the bot sent to the Bot Connector stub for one Teams conversation, in order. */
final class TeamsConnectorLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TeamsConnectorLog() {
    }

    /** Activities posted into {@code conversation} (not updates), parsed. */
    static List<JsonNode> posted(String conversation) {
        String path = "/smba/v3/conversations/" + encoded(conversation) + "/activities";
        List<JsonNode> activities = new ArrayList<>();
        for (LoggedRequest request : BotFramework.STUB.findAll(postRequestedFor(urlMatching(
                java.util.regex.Pattern.quote(path) + "(/.*)?")))) {
            activities.add(parse(request.getBodyAsString()));
        }
        return activities;
    }

    /** Activities updated in {@code conversation} (answered questions), parsed. */
    static List<JsonNode> updated(String conversation) {
        String path = "/smba/v3/conversations/" + encoded(conversation) + "/activities/";
        List<JsonNode> activities = new ArrayList<>();
        for (LoggedRequest request : BotFramework.STUB.findAll(putRequestedFor(urlMatching(
                java.util.regex.Pattern.quote(path) + ".*")))) {
            activities.add(parse(request.getBodyAsString()));
        }
        return activities;
    }

    /** The texts a person reads in an activity: its text, or its card's TextBlocks. */
    static List<String> texts(JsonNode activity) {
        List<String> texts = new ArrayList<>();
        if (activity.hasNonNull("text")) {
            texts.add(activity.get("text").asText());
        }
        for (JsonNode attachment : activity.path("attachments")) {
            for (JsonNode element : attachment.path("content").path("body")) {
                if ("TextBlock".equals(element.path("type").asText())) {
                    texts.add(element.path("text").asText());
                }
            }
        }
        return texts;
    }

    static JsonNode card(JsonNode activity) {
        return activity.path("attachments").path(0).path("content");
    }

    static String encoded(String conversation) {
        return URLEncoder.encode(conversation, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("the bot sent something that is not JSON: " + body, e);
        }
    }
}
