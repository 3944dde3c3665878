package dev.trellis.engine;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.FlowLoader;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.YamlMessageBundle;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on its own: no Spring, no database, flows written inline. */
class EngineTest {

    private static final YamlMessageBundle MESSAGES = YamlMessageBundle.load(Path.of("conversation-flows/messages"));
    private static final Engine.Subject ANA = new Engine.Subject("web:ana", "web", "ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final Map<String, Flow> current = new HashMap<>();
    private final Map<String, Flow> versions = new HashMap<>();
    private final List<ActionHandler.Request> actionCalls = new ArrayList<>();
    private boolean actionFails;

    private final FlowCatalog catalog = new FlowCatalog() {
        public Optional<Flow> current(String id) {
            return Optional.ofNullable(current.get(id));
        }

        public Optional<Flow> version(String id, String version) {
            return Optional.ofNullable(versions.get(id + "@" + version));
        }

        public List<Flow> listed() {
            return current.values().stream().filter(Flow::listed).toList();
        }

        public List<Flow> all() {
            return List.copyOf(current.values());
        }
    };

    @ActionName("notes.save")
    private class SaveNote implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            actionCalls.add(request);
            if (actionFails) throw new IllegalStateException("database down");
            return Map.of("id", "note-1");
        }
    }

    private final Engine engine = new Engine(catalog, MESSAGES, List.of(new SaveNote()),
            (channel, person) -> Map.of("goals", Map.of("active", List.of(
                    Map.of("id", "g1", "title", "Run a marathon"), Map.of("id", "g2", "title", "Learn Go"))),
                    "person", Map.of("name", "Ana")),
            Reflector.QUOTE);

    private Flow define(String yaml) {
        FlowLoader loader = new FlowLoader(FlowRules.withActions(Set.of("notes.save")), MESSAGES);
        String id = yaml.lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip();
        Flow flow = loader.load(List.of(new FlowLoader.Source(id + ".yaml", yaml)), current.keySet()).orThrow().get(0);
        current.put(flow.id(), flow);
        versions.put(flow.id() + "@" + flow.version(), flow);
        return flow;
    }

    private static final String NOTE_FLOW = """
            id: note
            title: Note
            steps:
              - id: what
                ask: "What do you want to note?"
                save: text
              - id: store
                action: notes.save
                with: { text: "text" }
                save: saved
              - id: done
                end: "Saved {{saved.id}}."
            """;

    @Test
    void failingActionApologisesAndKeepsTheConversationWhereItWas() {
        define(NOTE_FLOW);
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("note"), NOW).state();
        actionFails = true;

        Turn turn = engine.apply(ANA, asked, new Event.Said("buy milk"), NOW);

        assertThat(turn.state()).isEqualTo(asked);
        assertThat(turn.outcome()).isInstanceOf(Turn.Outcome.Rejected.class);
        assertThat(turn.messages()).extracting(Outbound::text).singleElement().asString().startsWith("Sorry");
        assertThat(turn.effects()).singleElement().isInstanceOfSatisfying(Turn.Effect.StepFailed.class, f -> {
            assertThat(f.action()).isEqualTo("notes.save");
            // the effect is published to other features: it keeps the type and stack, not a message that may quote
            assertThat(f.error()).hasMessage(IllegalStateException.class.getName());
            assertThat(f.error().getStackTrace()).isNotEmpty();
        });

        actionFails = false;
        Turn retried = engine.apply(ANA, asked, new Event.Said("buy milk"), NOW);
        assertThat(retried.messages()).extracting(Outbound::text).containsExactly("Saved note-1.");
        assertThat(actionCalls).extracting(r -> r.args().get("text")).containsExactly("buy milk", "buy milk");
        assertThat(actionCalls.get(0).idempotencyKey()).isEqualTo(actionCalls.get(1).idempotencyKey());
    }

    @Test
    void staleClickChangesNothingAndGetsPoliteNote() {
        define("""
                id: pick
                title: Pick
                steps:
                  - id: first
                    confirm: "Ready?"
                    save: ready
                  - id: second
                    confirm: "Sure?"
                    save: sure
                  - id: done
                    end: "Done."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("pick"), NOW);
        String firstControl = asked.messages().get(0).controlId();
        ConversationState second = engine.apply(ANA, asked.state(), new Event.Clicked(firstControl, List.of("yes")), NOW).state();

        Turn stale = engine.apply(ANA, second, new Event.Clicked(firstControl, List.of("no")), NOW);

        assertThat(stale.state()).isEqualTo(second);
        assertThat(stale.messages()).extracting(Outbound::kind, Outbound::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Outbound.Kind.NOTICE,
                        "That question has already been answered, so I've left it as it was."));
        Turn next = engine.apply(ANA, second, new Event.Clicked(stale.state().openControl(), List.of("yes")), NOW);
        assertThat(next.messages()).extracting(Outbound::id)
                .doesNotContainAnyElementsOf(stale.messages().stream().map(Outbound::id).toList());
    }

    @Test
    void choiceFromPersonDataSavesTheChosenItem() {
        define("""
                id: goalpick
                title: Goal pick
                steps:
                  - id: which
                    choice:
                      text: "Which goal?"
                      options: "goals.active"
                      label: "option.title"
                    save: goal
                  - id: done
                    end: "Let's look at {{goal.title}} ({{goal.id}})."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goalpick"), NOW);
        Outbound question = asked.messages().get(0);
        assertThat(question.choices()).extracting(Outbound.Choice::label).containsExactly("Run a marathon", "Learn Go");

        Turn typed = engine.apply(ANA, asked.state(), new Event.Said("learn go"), NOW);

        assertThat(typed.messages()).extracting(Outbound::kind, Outbound::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Outbound.Kind.ANSWERED, "Learn Go"),
                org.assertj.core.groups.Tuple.tuple(Outbound.Kind.TEXT, "Let's look at Learn Go (g2)."));
    }

    @Test
    void subFlowReturnsItsAnswersToTheCaller() {
        define("""
                id: inner
                title: Inner
                listed: false
                params: [topic]
                steps:
                  - id: size
                    scale: { text: "How big is {{topic}}?", min: 1, max: 5 }
                    save: size
                  - id: done
                    end: true
                    say: "Noted."
                """);
        define("""
                id: outer
                title: Outer
                steps:
                  - id: call-inner
                    call: inner
                    with: { topic: "'the plan'" }
                    save: result
                  - id: done
                    end: "Size {{result.size}} of {{result.topic}}."
                """);
        Turn asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("outer"), NOW);
        assertThat(asked.messages()).extracting(Outbound::text).containsExactly("How big is the plan?");
        assertThat(asked.state().stack()).hasSize(1);

        Turn done = engine.apply(ANA, asked.state(), new Event.Said("4"), NOW);

        assertThat(done.messages()).extracting(Outbound::text).endsWith("Noted.", "Size 4 of the plan.");
        assertThat(done.state().status()).isEqualTo(ConversationState.Status.FINISHED);
        assertThat(done.state().stack()).isEmpty();
    }

    @Test
    void runningConversationFinishesOnTheVersionItStartedOn() {
        define("""
                id: ver
                title: Versions
                steps:
                  - id: q1
                    ask: "Old question one?"
                    save: a
                  - id: q2
                    ask: "Old question two?"
                    save: b
                  - id: done
                    end: "Old end."
                """);
        ConversationState started = engine.apply(ANA, ConversationState.idle(null), new Event.Command("ver"), NOW).state();
        define("""
                id: ver
                title: Versions
                steps:
                  - id: first
                    ask: "New question one?"
                    save: a
                  - id: done
                    end: "New end."
                """);

        Turn turn = engine.apply(ANA, started, new Event.Said("x"), NOW);

        assertThat(turn.messages()).extracting(Outbound::text).containsExactly("Old question two?");
    }

    @Test
    void migrationMovesRunningConversationToTheNewStep() {
        define("""
                id: mig
                title: Migrating
                steps:
                  - id: q1
                    ask: "Old question?"
                    save: a
                  - id: done
                    end: "Old end."
                """);
        ConversationState started = engine.apply(ANA, ConversationState.idle(null), new Event.Command("mig"), NOW).state();
        Flow newer = define("""
                id: mig
                title: Migrating
                migrations: { q1: first }
                steps:
                  - id: first
                    ask: "New question?"
                    save: a
                  - id: done
                    end: "New end."
                """);

        Turn turn = engine.apply(ANA, started, new Event.Said("x"), NOW);

        assertThat(turn.messages()).extracting(Outbound::text)
                .containsExactly("*Migrating* was updated since we started; we'll carry on from here.", "New question?");
        assertThat(turn.state().flowVersion()).isEqualTo(newer.version());
        assertThat(turn.state().stepId()).isEqualTo("first");
    }

    @Test
    void vanishedVersionOffersRestart() {
        Flow old = define("""
                id: gone
                title: Gone
                steps:
                  - id: q1
                    ask: "Old question?"
                  - id: done
                    end: "Old end."
                """);
        ConversationState started = engine.apply(ANA, ConversationState.idle(null), new Event.Command("gone"), NOW).state();
        versions.remove("gone@" + old.version());
        define("""
                id: gone
                title: Gone
                steps:
                  - id: other
                    ask: "New question?"
                  - id: done
                    end: "New end."
                """);

        Turn offered = engine.apply(ANA, started, new Event.Said("x"), NOW);
        assertThat(offered.messages()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Outbound.Kind.CONFIRM);
            assertThat(m.text()).contains("has changed since we started");
        });

        Turn restarted = engine.apply(ANA, offered.state(),
                new Event.Clicked(offered.messages().get(0).controlId(), List.of("yes")), NOW);
        assertThat(restarted.messages()).extracting(Outbound::text).endsWith("New question?");
        assertThat(restarted.state().stepId()).isEqualTo("other");
    }

    @Test
    void unknownFlowIdGetsFriendlyListOfFlows() {
        define(NOTE_FLOW);

        Turn turn = engine.apply(ANA, ConversationState.idle(null), new Event.Command("grwo"), NOW);

        assertThat(turn.messages()).extracting(Outbound::text)
                .containsExactly("I don't know a conversation called \"grwo\". Here is what I can do:",
                        "What would you like to work on?");
        assertThat(turn.messages().get(1).choices()).extracting(Outbound.Choice::value).containsExactly("note");
    }

    @Test
    void personTextIsNeverEvaluatedAsTemplate() {
        define("""
                id: echo
                title: Echo
                steps:
                  - id: what
                    ask: "Say something"
                    save: said
                  - id: done
                    end: "You said: {{said}}"
                """);
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("echo"), NOW).state();

        Turn turn = engine.apply(ANA, asked, new Event.Said("{{person.name}} and {{goals}}"), NOW);

        assertThat(turn.messages()).extracting(Outbound::text).containsExactly("You said: {{person.name}} and {{goals}}");
    }

    @Test
    void paramsNobodyPassedStartEmpty() {
        define("""
                id: titled
                title: Titled
                params: [goalTitle]
                steps:
                  - id: check
                    say: "Goal: [{{goalTitle}}]"
                    next:
                      - if: "goalTitle == ''"
                        goto: none
                      - goto: given
                  - id: given
                    end: "Given."
                  - id: none
                    end: "None given."
                """);

        Turn fromMenu = engine.apply(ANA, ConversationState.idle(null), new Event.Command("titled"), NOW);

        assertThat(fromMenu.effects()).noneMatch(e -> e instanceof Turn.Effect.StepFailed);
        assertThat(fromMenu.messages()).extracting(Outbound::text).containsExactly("Goal: []", "None given.");
    }

    private static final String WHEN_FLOW = """
            id: when
            title: When
            steps:
              - id: deadline
                ask: "When does it need to be done?"
                save: deadline
              - id: room
                ask: "What room do you have to move?"
                save: room
              - id: last
                ask: "Anything else?"
                save: last
              - id: pick
                choice:
                  text: "Which one first?"
                  options: [ { value: a, label: "A" }, { value: b, label: "B" } ]
                save: picked
              - id: done
                end: "Noted."
            """;

    @Test
    void interruptWordsInsideAnAnswerToAnOpenQuestionAreTheAnswer() {
        define(WHEN_FLOW);
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("when"), NOW).state();

        Turn deadline = engine.apply(ANA, asked, new Event.Said("end of the quarter, I think"), NOW);
        Turn room = engine.apply(ANA, deadline.state(), new Event.Said("the options I have are limited"), NOW);
        Turn last = engine.apply(ANA, room.state(), new Event.Said("later this year, maybe"), NOW);

        assertThat(last.state().status()).isEqualTo(ConversationState.Status.ACTIVE);
        assertThat(last.state().stepId()).isEqualTo("pick");
        assertThat(last.state().vars()).containsEntry("deadline", "end of the quarter, I think")
                .containsEntry("room", "the options I have are limited").containsEntry("last", "later this year, maybe");
    }

    @Test
    void aBareEndLaterOrPreviousAnswersAnOpenQuestionWhileStopAndCoachCommandsStillInterrupt() {
        define(WHEN_FLOW);
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("when"), NOW).state();

        // the documented rule (README, "Writing a flow"): only the exact command words interrupt an open question
        Turn end = engine.apply(ANA, asked, new Event.Said("end"), NOW);
        Turn previous = engine.apply(ANA, end.state(), new Event.Said("Previous."), NOW);
        Turn later = engine.apply(ANA, previous.state(), new Event.Said("later"), NOW);
        assertThat(later.state().vars()).containsEntry("deadline", "end").containsEntry("room", "Previous.")
                .containsEntry("last", "later");
        assertThat(later.state().stepId()).isEqualTo("pick");

        // to a question with buttons, "end" is a stop word
        Turn endAtChoice = engine.apply(ANA, later.state(), new Event.Said("end"), NOW);
        assertThat(endAtChoice.state().status()).isEqualTo(ConversationState.Status.STOPPED);

        // the exact command words, and /coach commands, interrupt an open question
        Turn stop = engine.apply(ANA, asked, new Event.Said("stop"), NOW);
        assertThat(stop.state().status()).isEqualTo(ConversationState.Status.STOPPED);
        assertThat(stop.state().vars()).doesNotContainKey("deadline");
        Turn coachStop = engine.apply(ANA, asked, new Event.Command("stop"), NOW);
        assertThat(coachStop.state().status()).isEqualTo(ConversationState.Status.STOPPED);
        Turn pause = engine.apply(ANA, asked, new Event.Said("pause"), NOW);
        assertThat(pause.state().status()).isEqualTo(ConversationState.Status.PAUSED);
    }

    @Test
    void aDateQuestionsPickerSaysPickADateInThePersonsLanguage() {
        define("""
                id: due
                title: Due
                steps:
                  - id: when
                    ask: { text: "By when?", type: date }
                    save: due
                  - id: done
                    end: "Noted."
                """);
        ConversationState german = ConversationState.idle(new ConversationState.Profile("Nia", "de", "Europe/Berlin"));

        Outbound inGerman = engine.apply(ANA, german, new Event.Command("due"), NOW).messages().get(0);
        Outbound inEnglish = engine.apply(ANA, ConversationState.idle(null), new Event.Command("due"), NOW)
                .messages().get(0);

        assertThat(inGerman.kind()).isEqualTo(Outbound.Kind.DATE);
        assertThat(inGerman.minLabel()).isEqualTo("Datum wählen");
        assertThat(inEnglish.minLabel()).isEqualTo("Pick a date");
    }
}
