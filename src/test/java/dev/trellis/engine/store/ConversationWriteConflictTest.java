package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Engine;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.flow.MessageBundle;
import dev.trellis.engine.TranscriptEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Two writers on one conversation: the one that read first must re-apply its turn to what the other wrote. */
@SpringBootTest
class ConversationWriteConflictTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    Conversations conversations;

    @Autowired
    MongoTemplate mongo;

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
    ConversationProperties properties;

    @Autowired
    Clock clock;

    @Test
    void aTurnThatLostTheRaceIsAppliedAgainOnTopOfTheWinner() {
        String person = "race-" + PEOPLE.incrementAndGet();
        Inbound first = said(person, "e1", "my first words");
        Inbound second = said(person, "e2", "my second words");
        AtomicBoolean interfered = new AtomicBoolean();
        // another node writes the conversation between our read and our write
        Conversations racing = racingConversations(id -> {
            if (interfered.compareAndSet(false, true)) {
                conversations.handle(second);
            }
        });

        racing.handle(first);

        assertThat(conversations.transcript(first.conversationId()))
                .filteredOn(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                .extracting(TranscriptEntry::text)
                .containsExactly("my second words", "my first words");
        assertThat(conversations.transcript(first.conversationId())).extracting(TranscriptEntry::seq)
                .isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aConversationThatNeverSettlesFailsTheEventAndKeepsWhatOthersWrote() {
        String person = "busy-" + PEOPLE.incrementAndGet();
        Inbound mine = said(person, "mine", "my words");
        AtomicInteger others = new AtomicInteger();
        Conversations racing = racingConversations(id ->
                conversations.handle(said(person, "other-" + others.incrementAndGet(), "other words")));

        assertThatThrownBy(() -> racing.handle(mine)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(mine.conversationId()).hasMessageNotContaining("my words");

        assertThat(conversations.transcript(mine.conversationId()))
                .filteredOn(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                .extracting(TranscriptEntry::text)
                .hasSize(properties.writeAttempts()).containsOnly("other words");
    }

    private Conversations racingConversations(java.util.function.Consumer<String> afterRead) {
        ConversationStore racingStore = new ConversationStore(mongo) {
            @Override
            Optional<ConversationDocument> find(String id) {
                Optional<ConversationDocument> read = super.find(id);
                afterRead.accept(id);
                return read;
            }
        };
        return new MongoConversations(racingStore, sealing, engine, people, messages, outbox,
                properties, clock);
    }

    private static Inbound said(String person, String eventId, String text) {
        return Inbound.message("test", person + "-" + eventId, "w", person, "dm", text, Instant.now());
    }
}
