package dev.trellis.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.channel.web.WebChatClient;
import dev.trellis.identity.SessionDigest;
import dev.trellis.testing.MutableClock;

/**
 * What people said is kept for {@code trellis.privacy.retention} and no longer: on a hand-moved clock, transcript
 * entries and inbox events (a failed one too) older than that go with the next sweep, newer ones stay, and nothing
 * goes a day early.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"trellis.privacy.retention=180d", "trellis.privacy.sweep-interval=1d"})
class RetentionSweepTest {

    private static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    @TestConfiguration
    static class HandMovedClock {
        @Bean
        @Primary
        MutableClock handMovedClock() {
            return new MutableClock(START);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MutableClock clock;
    @Autowired
    RetentionSweep sweep;

    @Test
    void transcriptsAndInboxEntriesOlderThanTheRetentionGoAndNewerOnesStay() throws Exception {
        WebChatClient ana = WebChatClient.open(port);
        String conversation = "web:web:" + SessionDigest.of(ana.session());
        say(ana, "old words retention-old-marker");
        say(ana, "grow");
        // one event that failed for good: failed events are kept for inspection, but not past the retention
        Document failed = mongo.getCollection("inbox").find(new Document("conversationId", conversation)).first();
        mongo.getCollection("inbox").updateOne(new Document("_id", failed.get("_id")),
                new Document("$set", new Document("status", "FAILED")));

        clock.advance(Duration.ofDays(179));
        sweep.sweep();
        // the stored text is sealed with Ana's key: what she sees is the test
        assertThat(ana.history()).contains("retention-old-marker");
        assertThat(mongo.getCollection("inbox").countDocuments(new Document("_id", failed.get("_id")))).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        say(ana, "stop");
        say(ana, "new words retention-new-marker");
        sweep.sweep();

        Instant cutoff = clock.instant().minus(Duration.ofDays(180));
        assertThat(transcriptTimes(conversation)).isNotEmpty().allMatch(at -> !at.toInstant().isBefore(cutoff));
        assertThat(mongo.getCollection("inbox").countDocuments(new Document("_id", failed.get("_id")))).isZero();
        assertThat(mongo.getCollection("inbox").find(new Document("acceptedAt",
                new Document("$lt", java.util.Date.from(cutoff)))).into(new java.util.ArrayList<>())).isEmpty();
        assertThat(mongo.getCollection("inbox").countDocuments(new Document("conversationId", conversation)))
                .isPositive();
        assertThat(ana.history()).contains("retention-new-marker").doesNotContain("retention-old-marker");
    }

    private List<java.util.Date> transcriptTimes(String conversation) {
        Document doc = mongo.getCollection("conversations").find(new Document("_id", conversation)).first();
        return doc.getList("transcript", Document.class).stream().map(entry -> entry.getDate("at")).toList();
    }

    private void say(WebChatClient client, String text) throws Exception {
        assertThat(client.post("{\"id\":\"" + UUID.randomUUID() + "\",\"text\":\"" + text + "\"}")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() ->
                mongo.getCollection("inbox").countDocuments(new Document("status", "NEW")) == 0
                        && mongo.getCollection("inbox").countDocuments(
                        new Document("_id", new Document("$regex", "^lane:"))) == 0);
    }
}
