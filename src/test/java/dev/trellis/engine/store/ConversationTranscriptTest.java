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
import org.springframework.boot.test.context.SpringBootTest;

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
}
