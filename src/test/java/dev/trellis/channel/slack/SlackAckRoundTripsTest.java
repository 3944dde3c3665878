package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What Slack waits for: the store commands run before a signed request is acknowledged, counted at the MongoDB
 * driver on the web server's request threads (the inbox workers, which run the turn afterwards, are not counted).
 * Slack gives up after 3 seconds, so the acknowledgement stores the event in one command and leaves everything else
 * (who the person is, whether they erased their data, the conversation's lane) to the workers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackAckRoundTripsTest {

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        registry.add("slack.bot-token", () -> "xoxb-test-token");
        registry.add("slack.team-id", () -> "T1");
        registry.add("slack.app-id", () -> "A1");
        registry.add("slack.signing-secret", () -> SlackRequests.SIGNING_SECRET);
        // no Web API here: sends fail and are retried in the background, which the acknowledgement never waits for
        registry.add("slack.api-url", () -> "http://127.0.0.1:9/api/");
    }

    @TestConfiguration
    static class Counting {
        /** Commands started on the web server's request threads, where the acknowledgement runs. */
        final List<String> commands = new CopyOnWriteArrayList<>();

        @Bean
        MongoClientSettingsBuilderCustomizer countAckCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread().getName().startsWith("http-nio-")) {
                        commands.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()));
                    }
                }
            });
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Counting counting;
    @Autowired
    MongoTemplate mongo;

    SlackRequests slack;

    @BeforeEach
    void start() {
        slack = new SlackRequests(port);
    }

    @Test
    void aDirectMessageIsAcknowledgedAfterOneStoreCommand() throws Exception {
        // a first message, so the person, their conversation and their lane exist when the second one is counted
        slack.event(SlackRequests.messageEvent("EvAck1", "UACK1", "DACK1", "hello"));
        awaitProcessed("slack:T1:EvAck1");

        assertThat(ackCommands(() -> slack.event(SlackRequests.messageEvent("EvAck2", "UACK1", "DACK1", "grow"))
                .statusCode())).hasSizeLessThanOrEqualTo(1);
        awaitProcessed("slack:T1:EvAck2");
    }

    @Test
    void aSomeoneNewsFirstMessageIsAcknowledgedAfterOneStoreCommand() throws Exception {
        assertThat(ackCommands(() -> slack.event(SlackRequests.messageEvent("EvAckNew", "UACKNEW", "DACKNEW",
                "hello")).statusCode())).hasSizeLessThanOrEqualTo(1);
        awaitProcessed("slack:T1:EvAckNew");
    }

    @Test
    void aCoachCommandIsAcknowledgedAfterOneStoreCommand() throws Exception {
        assertThat(ackCommands(() -> slack.form(Map.of("command", "/coach", "text", "grow", "team_id", "T1",
                "api_app_id", "A1", "user_id", "UACKCMD", "channel_id", "DACKCMD", "trigger_id", "trig-ack-1"))
                .statusCode())).hasSizeLessThanOrEqualTo(1);
        awaitProcessed("slack:T1:trig-ack-1");
    }

    interface Request {
        int send() throws Exception;
    }

    private List<String> ackCommands(Request request) throws Exception {
        counting.commands.clear();
        assertThat(request.send()).isEqualTo(200);
        List<String> seen = List.copyOf(counting.commands);
        System.out.println("Store commands before the acknowledgement (" + seen.size() + "): " + seen);
        return seen;
    }

    private void awaitProcessed(String key) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document event = mongo.findById(key, Document.class, "inbox");
            return event != null && "DONE".equals(event.getString("status"));
        });
    }
}
