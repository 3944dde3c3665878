package dev.trellis.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Action idempotency keys: the same run of a step keeps its key, any later, different run gets a new one. */
class ActionKeysTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** Goals by idempotency key: a key seen again updates its goal, as the real goals.create does. */
    private final Map<String, String> goals = new LinkedHashMap<>();
    private final List<String> keys = new ArrayList<>();

    @ActionName("goals.save")
    private final class SaveGoal implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            keys.add(request.idempotencyKey());
            goals.put(request.idempotencyKey(), (String) request.args().get("title"));
            return Map.of("id", "g-" + goals.size());
        }
    }

    private final InlineFlows flows = new InlineFlows(Set.of("goals.save"));
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(new SaveGoal()), PersonContext.NONE,
            Reflector.QUOTE);

    ActionKeysTest() {
        flows.define("""
                id: goal
                title: Goal
                steps:
                  - id: title
                    ask: "What is your goal?"
                    save: title
                  - id: save
                    action: goals.save
                    with: { title: "title" }
                    save: goal
                  - id: why
                    ask: "Why does it matter?"
                    save: why
                  - id: done
                    end: "Saved."
                """);
    }

    @Test
    void goalSavedThenBackAndAnsweredAgainIsUpdatedNotDuplicated() {
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW)
                .state();
        ConversationState saved = engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW).state();
        ConversationState back = engine.apply(ANA, saved, new Event.Said("back"), NOW).state();
        assertThat(back.stepId()).isEqualTo("title");

        engine.apply(ANA, back, new Event.Said("Run a half marathon"), NOW);

        assertThat(keys).hasSize(2).containsOnly(keys.get(0));
        assertThat(goals).containsExactly(Map.entry(keys.get(0), "Run a half marathon"));
    }

    @Test
    void turnAppliedAgainAfterACrashUsesTheSameKey() {
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW)
                .state();

        engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW);
        engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW.plusSeconds(5));

        assertThat(keys).hasSize(2).containsOnly(keys.get(0));
        assertThat(goals).hasSize(1);
    }

    @Test
    void theSameStepInALaterRunOfTheFlowGetsANewKey() {
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW)
                .state();
        ConversationState first = engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW).state();
        ConversationState again = engine.apply(ANA, first, new Event.Command("goal"), NOW).state();

        engine.apply(ANA, again, new Event.Said("Learn Go"), NOW);

        assertThat(keys).doesNotHaveDuplicates();
        assertThat(goals.values()).containsExactly("Run a marathon", "Learn Go");
    }
}
