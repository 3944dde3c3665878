package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.OpenQuestion;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.Redacted;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.engine.Turn;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest
class ConversationDocumentTest {

    /** Stores text reversed with a marker, so the raw document shows whether text went through the codec. */
    private static final FreeTextCodec MARKING = new FreeTextCodec() {
        @Override
        public String seal(String owner, String text) {
            return text == null ? null : "~" + new StringBuilder(text).reverse();
        }

        @Override
        public String open(String owner, String stored) {
            return stored == null ? null : new StringBuilder(stored.substring(1)).reverse().toString();
        }

        @Override
        public String sealInTransit(String context, String text) {
            return seal(context, text);
        }

        @Override
        public String openInTransit(String context, String stored) {
            return open(context, stored);
        }
    };

    @Autowired
    ConversationStore store;

    @Autowired
    MongoTemplate mongo;

    private final TextSealing sealing = new TextSealing(MARKING);

    @Test
    void variablesComeBackWithTheTypesTheEngineWrote() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("count", 7L);
        nested.put("title", "Run a 10k");
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put("rating", 3L);
        vars.put("big", 9_000_000_000L);
        vars.put("progress", 0.5);
        vars.put("go", true);
        vars.put("goal", "more time with my team");
        vars.put("picked", List.of("a", 2L, 1.5));
        vars.put("goalRef", nested);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ConversationState state = new ConversationState("grow", "v1", "goal", vars, ConversationState.Status.ACTIVE,
                1, List.of(new ConversationState.Frame("career-plan", "v2", "call", Map.of("phase", 2L))),
                List.of(new ConversationState.Snapshot("goal", Map.of("earlier", "my words"), 2L)), 4,
                new OpenQuestion.FlowSwitch("4#switch", "smart-goal"), now.plusSeconds(60), now, now,
                new ConversationState.Profile("Ana", "de", "Europe/Berlin"), 3L,
                List.of(new Inbound.Timer("checkin-g1", now, "goal-checkin", null, Map.of("goal", "g1", "week", 2L))));
        String id = "test:types-" + System.nanoTime();

        store.insert(new ConversationDocument(id, null, sealing.seal(id, state),
                new Recipient(id, "test", "T1", "ana", "person-ana", "dm-ana", Map.of()), List.of(), List.of(), 0L,
                List.of(), null, null, null, now, List.of(), 0L, "person-ana"));
        ConversationState read = sealing.open(id, store.find(id).orElseThrow().state());

        assertThat(read).isEqualTo(state);
        assertThat(read.vars().get("rating")).isInstanceOf(Long.class);
        assertThat(((Map<?, ?>) read.vars().get("goalRef")).get("count")).isInstanceOf(Long.class);
        assertThat(((List<?>) read.vars().get("picked")).get(1)).isInstanceOf(Long.class);
    }

    @Test
    void textThePersonWroteIsStoredOnlyInItsSealedForm() {
        String id = "test:sealed-" + System.nanoTime();
        ConversationState state = new ConversationState("grow", "v1", "goal", Map.of("goal", "quit smoking", "list", List.of("walk more")),
                ConversationState.Status.ACTIVE, 0, List.of(), List.of(), 1, null, null, null, null, null, 0L, null);

        store.insert(new ConversationDocument(id, null, sealing.seal(id, state), null, List.of(), List.of(), 0L,
                List.of(), null, null, null, Instant.now(), List.of(), 0L, "person-ana"));

        String raw = mongo.findById(id, Document.class, "conversations").toJson();
        assertThat(raw).doesNotContain("quit smoking").doesNotContain("walk more")
                .contains("~gnikoms tiuq").contains("~erom klaw");
    }

    @Test
    void aTurnWrittenAsFieldUpdatesReadsBackAsItWasWrittenWithEveryKindOfEffect() {
        String id = "test:fields-" + System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        store.write(turn(id, null, 0, "e1", List.of(), List.of()), 200, 50);
        ConversationState state = new ConversationState("grow", "v1", "goal", Map.of("goal", "my words", "n", 2L),
                ConversationState.Status.ACTIVE, 1, List.of(), List.of(new ConversationState.Snapshot("goal",
                Map.of("earlier", "older words"), 2L)), 4, new OpenQuestion.FlowSwitch("4#switch", "smart-goal"),
                now.plusSeconds(60), now, now, new ConversationState.Profile("Ana", "de", "Europe/Berlin"), 3L,
                List.of(new Inbound.Timer("checkin-g1", now, "goal-checkin", null, Map.of("goal", "g1"))));
        List<Turn.Effect> effects = List.of(new Turn.Effect.FlowStarted("grow", "v1"),
                new Turn.Effect.FlowEnded("grow", ConversationState.Status.FINISHED, "done"),
                new Turn.Effect.StepFailed("grow", "record", "goals.save",
                        Redacted.of(new IllegalArgumentException("bad goal: I want to quit smoking"))),
                new Turn.Effect.TimerSet("checkin", "goal-checkin", "pick", now.plusSeconds(3600), "weekly FRI 16:00",
                        "Europe/Berlin", Map.of("goal", "g1")),
                new Turn.Effect.TimerRefused("later", "could not read 'when I feel ready'"),
                new Turn.Effect.TimerCancelled("checkin"),
                new Turn.Effect.Shared("manager", List.of("goal:g1", "talkingPoint:tp:2"), now));
        assertThat(effects).extracting(effect -> (Class) effect.getClass())
                .containsExactlyInAnyOrder(Turn.Effect.class.getPermittedSubclasses());
        List<StoredEffect> stored = new java.util.ArrayList<>();
        for (int n = 1; n <= effects.size(); n++) {
            stored.add(StoredEffect.pending(id + ":" + n, "person-ana", "test",
                    StoredEffect.Content.of(effects.get(n - 1), text -> sealing.seal(id, text)), now));
        }

        store.write(new ConversationStore.TurnWrite(id, 0L, sealing.seal(id, state), null, "person-ana", 2, effects.size(),
                null, now, "test:e2", List.of(sealing.seal(id, TranscriptEntry.in(1, "my words", now))),
                List.of(PendingMessage.pending("2", Outbound.text(id + ":2", "Noted."), now, null)), stored), 200, 50);

        ConversationDocument read = store.find(id).orElseThrow();
        assertThat(read.version()).isEqualTo(1L);
        assertThat(sealing.open(id, read.state())).isEqualTo(state);
        assertThat(read.recentEvents()).containsExactly("test:e1", "test:e2");
        assertThat(read.transcript()).extracting(entry -> sealing.open(id, entry).text()).containsExactly("my words");
        assertThat(read.pending()).singleElement().satisfies(m -> assertThat(m.id()).isEqualTo("2"));
        assertThat(read.effects()).extracting(StoredEffect::id)
                .containsExactly(id + ":1", id + ":2", id + ":3", id + ":4", id + ":5", id + ":6", id + ":7");
        List<Turn.Effect> back = read.effects().stream()
                .map(effect -> effect.effect().toEffect(text -> sealing.open(id, text))).toList();
        assertThat(back).usingRecursiveFieldByFieldElementComparatorIgnoringFields("error")
                .containsExactlyElementsOf(effects);
        assertThat(((Turn.Effect.StepFailed) back.get(2)).error())
                .hasMessage(IllegalArgumentException.class.getName());
        String raw = mongo.findById(id, Document.class, "conversations").toJson();
        assertThat(raw).doesNotContain("smoking").doesNotContain("when I feel ready").doesNotContain("my words");
    }

    @Test
    void aTurnComputedFromAnOlderVersionIsNotWrittenAndTheTranscriptStaysWithinItsCap() {
        String id = "test:capped-" + System.nanoTime();
        store.write(turn(id, null, 0, "e0", List.of(), List.of()), 3, 2);
        for (int i = 1; i <= 5; i++) {
            TranscriptEntry said = TranscriptEntry.in(i, "line " + i, Instant.now());
            store.write(turn(id, (long) i - 1, i, "e" + i, List.of(said), List.of()), 3, 2);
        }

        assertThatThrownBy(() -> store.write(turn(id, 2L, 9, "late", List.of(), List.of()), 3, 2))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> store.write(turn(id, null, 9, "late", List.of(), List.of()), 3, 2))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        ConversationDocument read = store.find(id).orElseThrow();
        assertThat(read.version()).isEqualTo(5L);
        assertThat(read.transcript()).extracting(TranscriptEntry::seq).containsExactly(3L, 4L, 5L);
        assertThat(read.recentEvents()).containsExactly("test:e4", "test:e5");
    }

    private static ConversationStore.TurnWrite turn(String id, Long version, long seq, String event,
                                                    List<TranscriptEntry> said, List<PendingMessage> messages) {
        return new ConversationStore.TurnWrite(id, version, ConversationState.idle(ConversationState.Profile.DEFAULT),
                null, "person-ana", seq, 0, null, Instant.now(), "test:" + event, said, messages, List.of());
    }
}
