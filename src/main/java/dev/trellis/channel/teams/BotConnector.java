package dev.trellis.channel.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The two Bot Connector calls Trellis makes, each once (retries are the sender's business): post an activity into a
 * conversation (a channel thread is a conversation of its own) and update an activity the bot sent. Answers the
 * status, the body and the {@code Retry-After} header; a call that never got an answer is status 0.
 */
final class BotConnector {

    /** What the Bot Connector answered. */
    record Answer(int status, String body, String retryAfter) {

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final ConnectorToken token;
    private final Duration timeout;

    BotConnector(HttpClient http, ConnectorToken token, Duration timeout) {
        this.http = http;
        this.token = token;
        this.timeout = timeout;
    }

    Answer post(String serviceUrl, String conversationId, String activityJson) {
        return call("POST", activities(serviceUrl, conversationId), activityJson);
    }

    Answer update(String serviceUrl, String conversationId, String activityId, String activityJson) {
        return call("PUT", activities(serviceUrl, conversationId) + "/" + segment(activityId), activityJson);
    }

    private Answer call(String method, String url, String json) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Authorization", "Bearer " + token.get())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, null);
        }
    }

    private static String activities(String serviceUrl, String conversationId) {
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        return base + "v3/conversations/" + segment(conversationId) + "/activities";
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
