package dev.trellis.channel.slack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to {@code /slack/events} the way Slack does: signed with the test signing secret (computed here
 * independently of the production code), JSON for events, form-encoded for commands and interactivity.
 */
final class SlackRequests {

    static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;

    SlackRequests(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/slack/events");
    }

    HttpResponse<String> event(String json) throws Exception {
        return post(json, "application/json", Instant.now(), Map.of());
    }

    HttpResponse<String> retry(String json, int retryNum) throws Exception {
        return post(json, "application/json", Instant.now(),
                Map.of("X-Slack-Retry-Num", Integer.toString(retryNum), "X-Slack-Retry-Reason", "http_timeout"));
    }

    HttpResponse<String> form(Map<String, String> fields) throws Exception {
        return post(formBody(fields), "application/x-www-form-urlencoded", Instant.now(), Map.of());
    }

    HttpResponse<String> interaction(String payloadJson) throws Exception {
        return form(Map.of("payload", payloadJson));
    }

    HttpResponse<String> post(String body, String contentType, Instant signedAt, Map<String, String> headers)
            throws Exception {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> raw(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sign(String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SIGNING_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(digest);
    }

    static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static String messageEvent(String eventId, String user, String channel, String text) {
        return """
                {"token":"t","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"%s",
                 "event_time":1700000000,
                 "event":{"type":"message","channel_type":"im","channel":"%s","user":"%s","text":"%s",
                          "ts":"1700000000.000100","event_ts":"1700000000.000100"}}
                """.formatted(eventId, channel, user, text);
    }
}
