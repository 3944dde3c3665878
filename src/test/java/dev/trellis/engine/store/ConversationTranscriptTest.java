package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Engine;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.flow.MessageBundle;
import dev.trellis.engine.TranscriptEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.bson.Document;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest
class ConversationTranscriptTest {

    @Autowired
    ConversationStore store;

    @Autowired
    TextSealing sealing;

    @Autowired
    Engine engine;

    @Autowired
    PersonDirectory people;

    @Autowired
    MessageBundle messages;

    @Autowired
    Outbox outbox;

    @Autowired
    Clock clock;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theTranscriptKeepsTheLatestEntriesAndKeepsCounting() {
        var small = new ConversationProperties(4, 5, Duration.ofSeconds(30), Duration.ofSeconds(5));
        Conversations conversations = new MongoConversations(store, sealing, engine, people, messages, outbox, small,
                clock);
        String person = "long-" + System.nanoTime();

        for (int i = 1; i <= 6; i++) {
            conversations.handle(Inbound.message("test", person + "-" + i, "w", person, "dm", "note " + i, Instant.now()));
        }

        var transcript = conversations.transcript("test:w:" + person);
        assertThat(transcript).hasSize(4);
        assertThat(transcript).extracting(TranscriptEntry::seq).isSorted().doesNotHaveDuplicates();
        assertThat(transcript.get(transcript.size() - 1).seq()).isGreaterThanOrEqualTo(6);
        assertThat(transcript).filteredOn(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                .extracting(TranscriptEntry::text).contains("note 6").doesNotContain("note 1");
    }

    @Test
    void aLongConversationsDocumentStopsGrowing() {
        var small = new ConversationProperties(4, 5, Duration.ofSeconds(30), Duration.ofSeconds(5));
        Conversations conversations = new MongoConversations(store, sealing, engine, people, messages, outbox, small,
                clock);
        String person = "bounded-" + System.nanoTime();
        String id = "test:w:" + person;

        int[] sizes = new int[3];
        for (int i = 1; i <= 180; i++) {
            conversations.handle(Inbound.message("test", person + "-" + i, "w", person, "dm",
                    "note " + (1000 + i), Instant.now()));
            if (i % 60 == 0) {
                sizes[i / 60 - 1] = mongo.findById(id, Document.class, ConversationDocument.COLLECTION).toJson()
                        .length();
            }
        }

        ConversationDocument doc = store.find(id).orElseThrow();
        assertThat(doc.transcript()).hasSize(4);
        assertThat(doc.recentEvents()).hasSizeLessThanOrEqualTo(50);
        // every reply was settled (there is no "test" platform: failed for good) and is dropped at the next delivery
        assertThat(doc.pending()).hasSizeLessThanOrEqualTo(2);
        assertThat(doc.effects()).isEmpty();
        // only counters and ids gain a digit now and then
        assertThat(sizes[2]).isLessThanOrEqualTo(sizes[1] * 102 / 100);
    }
}
