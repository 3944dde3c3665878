package dev.trellis.channel.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser as the web chat's server sees it, over real HTTP: it takes the session the server issues and the CSRF
 * token cookie on its first visit, and sends both back like the page does.
 */
public final class WebChatClient {

    private static final Pattern SESSION = Pattern.compile("trellis_session=([A-Za-z0-9_-]{22})");
    private static final Pattern TOKEN = Pattern.compile("XSRF-TOKEN=([^;]+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String session;
    private final String token;

    private WebChatClient(int port, String session, String token) {
        this.port = port;
        this.session = session;
        this.token = token;
    }

    /** A new browser: one visit to the page for a session and a CSRF token. */
    public static WebChatClient open(int port) throws IOException, InterruptedException {
        HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/web/history")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String session = null;
        String token = null;
        for (String cookie : first.headers().allValues("Set-Cookie")) {
            Matcher s = SESSION.matcher(cookie);
            if (s.find()) session = s.group(1);
            Matcher t = TOKEN.matcher(cookie);
            if (t.find()) token = t.group(1);
        }
        if (session == null || token == null) throw new IllegalStateException("no session or token issued");
        return new WebChatClient(port, session, token);
    }

    /** The session cookie's value (the secret the server must never store or log). */
    public String session() {
        return session;
    }

    public String history() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/web/history")).header("Cookie", cookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A GET of {@code path} with this browser's cookies (a download, an image). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", cookies()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts {@code json} as the page does; returns the status. */
    public int post(String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri("/api/web/messages"))
                .header("Cookie", cookies())
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private String cookies() {
        return WebSessionFilter.COOKIE + "=" + session + "; XSRF-TOKEN=" + token;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
