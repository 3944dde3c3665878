package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.OpenQuestion;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Recipient;
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

        store.save(new ConversationDocument(id, null, sealing.seal(id, state),
                new Recipient(id, "test", "T1", "ana", "person-ana", "dm-ana", Map.of()), List.of(), List.of(), 0L,
                List.of(), null, null, null, now, "person-ana"));
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

        store.save(new ConversationDocument(id, null, sealing.seal(id, state), null, List.of(), List.of(), 0L,
                List.of(), null, null, null, Instant.now(), "person-ana"));

        String raw = mongo.findById(id, Document.class, "conversations").toJson();
        assertThat(raw).doesNotContain("quit smoking").doesNotContain("walk more")
                .contains("~gnikoms tiuq").contains("~erom klaw");
    }
}
