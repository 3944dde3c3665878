package dev.trellis.channel.teams;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.schema.Serialization;

/**
 * The bot's access token for the Bot Connector: OAuth client credentials against the tenant's token endpoint
 * (single tenant), scope {@code https://api.botframework.com/.default}, reused until five minutes before it expires.
 */
final class ConnectorToken {

    static final String SCOPE = "https://api.botframework.com/.default";
    private static final Duration EARLY = Duration.ofMinutes(5);

    private final HttpClient http;
    private final URI endpoint;
    private final String appId;
    private final String appPassword;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    ConnectorToken(HttpClient http, URI endpoint, String appId, String appPassword, Clock clock) {
        this.http = http;
        this.endpoint = endpoint;
        this.appId = appId;
        this.appPassword = appPassword;
        this.clock = clock;
    }

    /** A valid token; fetched when none is cached or it is about to expire. */
    synchronized String get() throws IOException {
        Instant now = clock.instant();
        if (token != null && now.isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret="
                + encode(appPassword == null ? "" : appPassword) + "&scope=" + encode(SCOPE);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted fetching a token", e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        JsonNode body = Serialization.jsonToTree(response.body());
        String accessToken = body.path("access_token").asText(null);
        if (accessToken == null) {
            throw new IOException("token endpoint answered without access_token");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        token = accessToken;
        renewAt = now.plusSeconds(expiresIn).minus(EARLY);
        return token;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
