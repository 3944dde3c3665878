package dev.trellis.engine;

import dev.trellis.inbox.Inbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An action handler that throws, end to end: inbox, engine, store, log. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "trellis.inbox.retry-backoff=100ms")
@ExtendWith(OutputCaptureExtension.class)
class FailingActionTest {

    @TempDir
    static Path flows;

    static final AtomicBoolean BROKEN = new AtomicBoolean(true);
    /** Store outages still to come for {@code notes.store}. */
    static final AtomicInteger OUTAGES = new AtomicInteger();
    static final List<String> NOTES_WRITTEN = new CopyOnWriteArrayList<>();

    @DynamicPropertySource
    static void flowsDir(DynamicPropertyRegistry registry) {
        try {
            Files.createDirectories(flows.resolve("messages"));
            Files.copy(Path.of("conversation-flows/messages/en.yaml"), flows.resolve("messages/en.yaml"));
            Files.writeString(flows.resolve("journal.yaml"), """
                    id: journal
                    title: Journal
                    steps:
                      - id: entry
                        ask: "What happened today?"
                        save: entry
                      - id: store
                        action: journal.store
                        with: { entry: "entry" }
                      - id: done
                        end: "Saved."
                    """);
            Files.writeString(flows.resolve("note.yaml"), """
                    id: note
                    title: Note
                    steps:
                      - id: text
                        ask: "What shall I note?"
                        save: text
                      - id: store
                        action: notes.store
                        with: { text: "text" }
                      - id: done
                        end: "Noted."
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("trellis.flows.dir", flows::toString);
    }

    @TestConfiguration
    static class Handlers {
        @Bean
        ActionHandler journalStore() {
            return new JournalStore();
        }

        @Bean
        ActionHandler notesStore() {
            return new NotesStore();
        }
    }

    @ActionName("notes.store")
    static class NotesStore implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            if (OUTAGES.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new DataAccessResourceFailureException("timed out after 10000 ms waiting for a server");
            }
            NOTES_WRITTEN.add(request.idempotencyKey());
            return Map.of();
        }
    }

    @ActionName("journal.store")
    static class JournalStore implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            // a message that could quote the person: the log keeps the type and stack, not the message
            if (BROKEN.get()) throw new IllegalStateException("journal store unavailable");
            return Map.of();
        }
    }

    @Autowired
    Inbox inbox;
    @Autowired
    Conversations conversations;
    @Autowired
    MongoTemplate mongo;

    @Test
    void failingHandlerApologisesKeepsTheQuestionAndLogsIdsAndStackNotWords(CapturedOutput output) {
        String person = "p-" + System.nanoTime();
        Inbound start = new Inbound("web", "e1-" + person, "w", person, Inbound.Place.PRIVATE, person, Inbound.Kind.COMMAND, "journal", null,
                List.of(), Map.of(), Instant.now());
        String conversation = start.conversationId();
        inbox.accept(start);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepOf(conversation).equals("entry"));

        inbox.accept(Inbound.message("web", "e2-" + person, "w", person, person, "a secret diary line", Instant.now()));

        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(conversation).stream()
                .anyMatch(t -> t.startsWith("Sorry, something went wrong")));
        assertThat(stepOf(conversation)).isEqualTo("entry");
        // the failure is logged once the turn is stored, which the transcript may show a moment earlier
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getAll().contains("failed in conversation " + conversation));
        assertThat(output.getAll()).contains("failed in conversation " + conversation)
                .contains("java.lang.IllegalStateException")
                .contains("JournalStore.run")
                .doesNotContain("a secret diary line")
                .doesNotContain("journal store unavailable");

        BROKEN.set(false);
        inbox.accept(Inbound.message("web", "e3-" + person, "w", person, person, "a secret diary line", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> botSaid(conversation).contains("Saved."));
        BROKEN.set(true);
    }

    @Test
    void storeOutageInsideATurnLeavesTheEventForRetryAndTheTurnCompletesOnce() {
        String person = "p-" + System.nanoTime();
        Inbound start = Inbound.command("web", "n1-" + person, "w", person, person, "note", Instant.now());
        String conversation = start.conversationId();
        inbox.accept(start);
        await().atMost(Duration.ofSeconds(20)).until(() -> stepOf(conversation).equals("text"));
        OUTAGES.set(2);

        Inbound answer = Inbound.message("web", "n2-" + person, "w", person, person, "call the dentist",
                Instant.now());
        inbox.accept(answer);

        await().atMost(Duration.ofSeconds(30)).until(() -> botSaid(conversation).contains("Noted."));
        assertThat(OUTAGES).hasValue(0);
        assertThat(NOTES_WRITTEN).as("written once, after the store came back").hasSize(1);
        assertThat(botSaid(conversation)).noneMatch(t -> t.startsWith("Sorry")).containsOnlyOnce("Noted.");
        assertThat(inboxEvent(answer).getInteger("attempts")).isEqualTo(3);
        assertThat(inboxEvent(answer).getString("status")).isEqualTo("DONE");
    }

    private org.bson.Document inboxEvent(Inbound inbound) {
        return mongo.findById(inbound.channel() + ":" + inbound.eventId(), org.bson.Document.class, "inbox");
    }

    private String stepOf(String conversation) {
        return conversations.state(conversation).map(s -> String.valueOf(s.stepId())).orElse("");
    }

    private List<String> botSaid(String conversation) {
        return conversations.transcript(conversation).stream()
                .filter(e -> e.message() != null).map(e -> e.message().text()).toList();
    }
}
