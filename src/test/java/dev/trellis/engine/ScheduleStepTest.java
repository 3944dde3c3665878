package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.FlowLoader;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.YamlMessageBundle;
import org.junit.jupiter.api.Test;

/** A flow's promise to come back becomes a timer to set: on the date the person gave, after a delay, or every week. */
class ScheduleStepTest {

    private static final YamlMessageBundle MESSAGES = YamlMessageBundle.load(Path.of("conversation-flows/messages"));
    private static final Engine.Subject ANA = new Engine.Subject("slack:T1:U1", "slack", "p-ana");
    /** Wednesday 2 December 2026, 11:00 in Berlin. */
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final Map<String, Flow> current = new HashMap<>();
    private final FlowCatalog catalog = new FlowCatalog() {
        public Optional<Flow> current(String id) {
            return Optional.ofNullable(current.get(id));
        }

        public Optional<Flow> version(String id, String version) {
            return current(id);
        }

        public List<Flow> listed() {
            return List.copyOf(current.values());
        }

        public List<Flow> all() {
            return List.copyOf(current.values());
        }
    };
    private final Engine engine = new Engine(catalog, MESSAGES, List.of(), PersonContext.NONE, Reflector.QUOTE);

    private static final String PLAN = """
            id: plan
            title: Plan
            steps:
              - id: what
                ask: "What will you do?"
                save: action
              - id: when
                ask: { text: "By when?", type: date, validate: { notInPast: true } }
                save: due
              - id: cadence
                choice:
                  text: "How often shall I check in?"
                  options: [ { value: "weekly FRI 16:00", label: "Fridays" }, { value: "every 2 weeks MON 09:00", label: "Every other Monday" } ]
                save: cadence
              - id: follow-up
                schedule: { name: plan-followup, flow: plan, step: done, at: due }
                with: { goal: "'g-42'" }
              - id: check-ins
                schedule: { name: plan-checkins, every: cadence }
              - id: nudge
                schedule: { name: plan-nudge, after: P3D }
              - id: drop-old
                unschedule: old-plan
              - id: done
                end: "I'll check in."
            """;

    @Test
    void aPlanSetsItsFollowUpOnTheDateGivenItsCheckInsAtTheCadenceChosenAndCancelsTheOldOne() {
        define(PLAN);
        ConversationState state = idleIn("Europe/Berlin");
        state = engine.apply(ANA, state, new Event.Command("plan"), NOW).state();
        state = engine.apply(ANA, state, new Event.Said("Draft the proposal and send it to Sam"), NOW).state();
        state = engine.apply(ANA, state, new Event.Said("2026-12-10"), NOW).state();
        Turn turn = engine.apply(ANA, state, new Event.Clicked(state.openControl(), List.of("every 2 weeks MON 09:00")),
                NOW);

        assertThat(turn.effects()).filteredOn(e -> e instanceof Turn.Effect.TimerSet || e instanceof Turn.Effect.TimerCancelled)
                .containsExactly(
                        new Turn.Effect.TimerSet("plan-followup", "plan", "done",
                                Instant.parse("2026-12-10T08:00:00Z"), null, "Europe/Berlin", Map.of("goal", "g-42")),
                        new Turn.Effect.TimerSet("plan-checkins", "plan", null, null,
                                "every 2 weeks MON 09:00 from 2026-01-05", "Europe/Berlin", Map.of()),
                        new Turn.Effect.TimerSet("plan-nudge", "plan", null, Instant.parse("2026-12-05T10:00:00Z"),
                                null, "Europe/Berlin", Map.of()),
                        new Turn.Effect.TimerCancelled("old-plan"));
    }

    @Test
    void aTimerWithAParagraphForAnIdOrADateInThePastIsRefusedNotSet() {
        // a bare 'at: due' from a date question without notInPast fails the load (FlowValidationTest); a date an
        // expression computes can still be past, and is refused here rather than set
        define("""
                id: leaky
                title: Leaky
                steps:
                  - id: what
                    ask: "What will you do?"
                    save: action
                  - id: when
                    ask: { text: "By when?", type: date }
                    save: due
                  - id: remember
                    schedule: { name: leaky, at: "due == '' ? '' : due" }
                    with: { note: "action" }
                  - id: done
                    end: "Done."
                """);
        ConversationState state = idleIn("UTC");
        state = engine.apply(ANA, state, new Event.Command("leaky"), NOW).state();
        state = engine.apply(ANA, state, new Event.Said("x".repeat(300)), NOW).state();
        Turn turn = engine.apply(ANA, state, new Event.Said("2026-12-20"), NOW);

        assertThat(turn.effects()).filteredOn(e -> e instanceof Turn.Effect.TimerRefused)
                .containsExactly(new Turn.Effect.TimerRefused("leaky", "'note' is not an id"));
        assertThat(turn.effects()).noneMatch(e -> e instanceof Turn.Effect.TimerSet);

        state = engine.apply(ANA, ConversationState.idle(null), new Event.Command("leaky"), NOW).state();
        state = engine.apply(ANA, state, new Event.Said("call Sam"), NOW).state();
        Turn past = engine.apply(ANA, state, new Event.Said("2026-11-20"), NOW);
        assertThat(past.effects()).filteredOn(e -> e instanceof Turn.Effect.TimerRefused)
                .containsExactly(new Turn.Effect.TimerRefused("leaky", "in the past"));
    }

    private ConversationState idleIn(String zone) {
        return ConversationState.idle(new ConversationState.Profile("Ana", "en", zone));
    }

    private void define(String yaml) {
        FlowLoader loader = new FlowLoader(FlowRules.withActions(Set.of()), MESSAGES);
        String id = yaml.lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip();
        Flow flow = loader.load(List.of(new FlowLoader.Source(id + ".yaml", yaml)), current.keySet()).orThrow().get(0);
        current.put(flow.id(), flow);
    }
}
