package dev.trellis.engine;

import dev.trellis.flow.Flow;
import dev.trellis.flow.StepKind;
import dev.trellis.flow.Step;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every walk over a closed set handles every case of it: a case added to a sealed type without teaching the engine
 * about it fails here, by reflection over the permitted subclasses, instead of being silently ignored at run time.
 */
class SealedWalksTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of("notes.save"));

    @ActionName("notes.save")
    private static final class SaveNote implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            return Map.of("id", "n1");
        }
    }

    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(new SaveNote()), PersonContext.NONE,
            Reflector.QUOTE);

    SealedWalksTest() {
        flows.define("""
                id: inner
                title: Inner
                listed: false
                steps:
                  - id: hello
                    say: "Inside."
                    end: true
                """);
        flows.define("""
                id: every
                title: Every step kind
                steps:
                  - id: set
                    set: { n: "1" }
                  - id: say
                    say: "Hello."
                  - id: store
                    action: notes.save
                  - id: sub
                    call: inner
                  - id: later
                    schedule: { name: every-later, after: P3D }
                  - id: never
                    unschedule: every-later
                  - id: text
                    ask: "Anything?"
                    save: text
                  - id: pick
                    choice: { text: "Which?", options: [ { value: a, label: A } ] }
                    save: pick
                  - id: rate
                    scale: { text: "How much?", min: 1, max: 3 }
                    save: rate
                  - id: sure
                    confirm: "Sure?"
                    save: sure
                  - id: tell
                    share: { text: "Share it?", audience: manager, items: [ { kind: goal, id: "'g1'" } ] }
                    save: told
                  - id: done
                    end: "Done."
                """);
    }

    @Test
    void everyStepKindIsWalked() {
        Flow every = flows.current("every").orElseThrow();
        assertThat(every.steps().stream().map(Step::kind).map(Object::getClass).collect(Collectors.toSet()))
                .as("the test flow uses every step kind")
                .containsExactlyInAnyOrder(StepKind.class.getPermittedSubclasses());

        ConversationState state = engine.apply(ANA, ConversationState.idle(null), new Event.Command("every"), NOW)
                .state();
        for (String answer : List.of("something", "A", "2", "yes", "yes")) {
            Turn turn = engine.apply(ANA, state, new Event.Said(answer), NOW);
            assertThat(turn.outcome()).as(answer).isNotInstanceOf(Turn.Outcome.Rejected.class);
            state = turn.state();
        }
        assertThat(state.status()).isEqualTo(ConversationState.Status.FINISHED);
    }

    @Test
    void everyEventKindIsApplied() {
        ConversationState running = engine.apply(ANA, ConversationState.idle(null), new Event.Command("every"), NOW)
                .state();
        for (Class<?> kind : Event.class.getPermittedSubclasses()) {
            Event event = (Event) instance(kind);
            // an unhandled case would be turned into an apology with a failed-step effect
            assertThat(engine.apply(ANA, running, event, NOW).effects()).as(kind.getSimpleName())
                    .noneMatch(effect -> effect instanceof Turn.Effect.StepFailed);
        }
    }

    @Test
    void everyOpenQuestionKindTakesAnAnswer() {
        ConversationState running = engine.apply(ANA, ConversationState.idle(null), new Event.Command("every"), NOW)
                .state();
        for (Class<?> kind : OpenQuestion.class.getPermittedSubclasses()) {
            OpenQuestion question = (OpenQuestion) instance(kind);
            ConversationState asked = new ConversationState(running.flowId(), running.flowVersion(), running.stepId(),
                    running.vars(), running.status(), 0, List.of(), List.of(), running.turn(), question, null, NOW,
                    NOW, null, 0L, List.of());
            for (Event answer : List.of(new Event.Clicked(question.controlId(), List.of("yes")),
                    new Event.Said("no"))) {
                Turn turn = engine.apply(ANA, asked, answer, NOW);
                assertThat(turn.effects()).as(kind.getSimpleName() + " answered by " + answer)
                        .noneMatch(effect -> effect instanceof Turn.Effect.StepFailed);
            }
        }
    }

    /** An instance of record {@code type} with plain values: text "x", empty collections, zeros, the test's clock. */
    private static Object instance(Class<?> type) {
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            List<Object> args = new ArrayList<>();
            for (Class<?> t : types) args.add(plain(t));
            return constructor.newInstance(args.toArray());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot build a " + type, e);
        }
    }

    private static Object plain(Class<?> type) {
        if (type == String.class) return "x";
        if (type == List.class) return List.of();
        if (type == Map.class) return Map.of();
        if (type == int.class) return 0;
        if (type == long.class) return 0L;
        if (type == boolean.class) return false;
        if (type == Instant.class) return NOW;
        if (type == Inbound.Timer.class) return new Inbound.Timer("t1", NOW, "inner", null, Map.of());
        return null;
    }
}
