package dev.trellis.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.jayway.jsonpath.JsonPath;

/**
 * The web chat's session cookie is a secret: it is never an id, never stored and never logged. And a web
 * conversation stays the session's own: a click another browser sends on this session's question changes nothing
 * here and reaches nothing of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WebSessionPrivacyTest {


    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void sessionCookieAppearsInNoStoredDocumentAndNoLogLine(CapturedOutput output) throws Exception {
        WebChatClient ANA = WebChatClient.open(port);
        post(ANA, "{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"grow\"}");
        String control = await().atMost(Duration.ofSeconds(60)).until(() -> openControl(ANA), c -> c != null);
        post(ANA, "{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"I want to speak up in meetings\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> !control.equals(openControl(ANA)));

        for (String collection : mongo.getCollectionNames()) {
            assertThat(mongo.findAll(Document.class, collection)).extracting(Document::toJson).as(collection)
                    .noneMatch(json -> json.contains(ANA.session()));
        }
        assertThat(output.getAll()).doesNotContain(ANA.session());
    }

    @Test
    void clickFromAnotherBrowserOnThisSessionsQuestionChangesNothingHere() throws Exception {
        WebChatClient CYD = WebChatClient.open(port);
        WebChatClient BO = WebChatClient.open(port);
        post(CYD, "{\"id\":\"" + UUID.randomUUID() + "\",\"command\":\"grow\"}");
        String cydsControl = await().atMost(Duration.ofSeconds(60)).until(() -> openControl(CYD), c -> c != null);
        int cydsEntries = entries(CYD).size();

        post(BO, "{\"id\":\"" + UUID.randomUUID() + "\",\"controlId\":\"" + cydsControl
                + "\",\"values\":[\"career\"]}");

        await().atMost(Duration.ofSeconds(60)).until(() -> entries(BO).stream()
                .anyMatch(text -> text.contains("already been answered")));
        assertThat(openControl(CYD)).isEqualTo(cydsControl);
        assertThat(entries(CYD)).hasSize(cydsEntries);
    }

    private void post(WebChatClient browser, String json) throws Exception {
        assertThat(browser.post(json)).isEqualTo(202);
    }

    private String history(WebChatClient browser) throws Exception {
        return browser.history();
    }

    private String openControl(WebChatClient session) throws Exception {
        return JsonPath.read(history(session), "$.openControl");
    }

    private List<String> entries(WebChatClient session) throws Exception {
        return JsonPath.read(history(session), "$.entries[*].text");
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
