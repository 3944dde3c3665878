package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.trellis.TrellisApplication;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.TranscriptEntry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Stops the application between accepting and finishing work, on the H2 file backend, and starts it again. */
class RestartRecoveryTest {

    @TempDir
    Path data;

    @TestConfiguration
    static class Channel {
        /** Asks to retry a slow person's messages after {@code test.first-try-retry}, when set. */
        @Bean
        TestChannel testChannel(@Value("${test.first-try-retry:#{null}}") Duration firstTryRetry) {
            return new TestChannel(firstTryRetry);
        }

        /** The clock, moved forward by {@code test.clock-offset} to stand for time passing while the node was down. */
        @Bean
        @Primary
        Clock testClock(@Value("${test.clock-offset:PT0S}") Duration offset) {
            return Clock.offset(Clock.systemUTC(), offset);
        }
    }

    @Test
    void eventsAcceptedBeforeAStopAreProcessedAfterTheRestart() {
        List<Inbound> said = List.of(said("before-1", "first"), said("before-2", "second"),
                said("before-3", "third"));
        try (var stopped = start("trellis.inbox.processing=false")) {
            Inbox inbox = stopped.getBean(Inbox.class);
            said.forEach(inbox::accept);
            assertThat(status(stopped, said.get(0))).isEqualTo("NEW");
        }

        try (var restarted = start("trellis.inbox.processing=true")) {
            said.forEach(event -> await().atMost(Duration.ofSeconds(30))
                    .until(() -> "DONE".equals(status(restarted, event))));

            List<String> typed = restarted.getBean(Conversations.class).transcript(said.get(0).conversationId())
                    .stream().filter(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                    .map(TranscriptEntry::text).toList();
            assertThat(typed).containsExactly("first", "second", "third");
        }
    }

    @Test
    void repliesNotYetDeliveredAreDeliveredAfterTheRestart() {
        Inbound menu = Inbound.command(TestChannel.NAME, "menu-1", "w", "slow-ana", "dm-ana", "menu", Instant.now());
        try (var first = start("test.first-try-retry=PT1H", "trellis.conversations.redelivery-interval=1h")) {
            first.getBean(Inbox.class).accept(menu);
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(status(first, menu)));
            assertThat(pending(first, menu)).isNotEmpty()
                    .allSatisfy(message -> assertThat(message.getString("status")).isEqualTo("PENDING"));
            assertThat(first.getBean(TestChannel.class).sent).isEmpty();
        }

        try (var later = start("test.clock-offset=PT2H", "trellis.conversations.redelivery-interval=100ms")) {
            await().atMost(Duration.ofSeconds(30)).until(() -> pending(later, menu).stream()
                    .allMatch(message -> "SENT".equals(message.getString("status"))));

            assertThat(pending(later, menu)).isNotEmpty();
            assertThat(later.getBean(TestChannel.class).sentTo(menu.conversationId()))
                    .hasSize(pending(later, menu).size());
        }
    }

    private ConfigurableApplicationContext start(String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--trellis.mongo.embedded=file",
                "--trellis.mongo.file=" + data.resolve("mongo.mv"),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("quartz").toAbsolutePath()));
        Arrays.stream(properties).map(property -> "--" + property).forEach(args::add);
        return new SpringApplicationBuilder(TrellisApplication.class, Channel.class).run(args.toArray(String[]::new));
    }

    private static String status(ConfigurableApplicationContext context, Inbound inbound) {
        Document stored = context.getBean(MongoTemplate.class)
                .findById(inbound.channel() + ":" + inbound.eventId(), Document.class, "inbox");
        return stored == null ? null : stored.getString("status");
    }

    private static List<Document> pending(ConfigurableApplicationContext context, Inbound inbound) {
        Document conversation = context.getBean(MongoTemplate.class)
                .findById(inbound.conversationId(), Document.class, "conversations");
        return conversation == null ? List.of() : conversation.getList("pending", Document.class);
    }

    private static Inbound said(String eventId, String text) {
        return Inbound.message(TestChannel.NAME, eventId, "w", "bo", "dm-bo", text, Instant.now());
    }
}
