package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * How often a turn reads the person's data: only the variables its steps name, each once per event however often the
 * event is applied (a write conflict re-applies it), and again only after an action of the turn wrote.
 */
class PersonDataReadsTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** Every variable read from "the store", in order. */
    private final List<String> reads = new ArrayList<>();
    private long goalCount;

    private final PersonContext context = new PersonContext() {
        @Override
        public Map<String, Object> load(String channel, String personId) {
            throw new AssertionError("a turn reads variables one by one, never everything");
        }

        @Override
        public Reader reader(String channel, String personId) {
            return new Reader() {
                @Override
                public Set<String> names() {
                    return Set.of("person", "goals");
                }

                @Override
                public Object read(String name) {
                    reads.add(name);
                    return name.equals("goals") ? Map.of("count", goalCount) : Map.of("name", "Ana");
                }
            };
        }
    };

    @ActionName("goals.save")
    private final class SaveGoal implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            goalCount++;
            return Map.of();
        }
    }

    private final InlineFlows flows = new InlineFlows(Set.of("goals.save"));
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(new SaveGoal()), context,
            Reflector.QUOTE);

    PersonDataReadsTest() {
        flows.define("""
                id: goal
                title: Goal
                steps:
                  - id: title
                    ask: "What is your goal?"
                    save: title
                  - id: why
                    ask: "Why does it matter?"
                    save: why
                  - id: save
                    action: goals.save
                    with: { title: "title" }
                  - id: done
                    end: "Saved: you have {{goals.count}} goal(s) now, not {{goals.count}} and a half."
                """);
    }

    @Test
    void aStepThatNamesNoPersonDataReadsNothing() {
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW)
                .state();

        Turn turn = engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW);

        assertThat(turn.messages()).extracting(Outbound::text).contains("Why does it matter?");
        assertThat(reads).isEmpty();
    }

    @Test
    void aTurnAppliedAgainAfterAWriteConflictReadsNothingAgainUnlessAnActionWrote() {
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("goal"), NOW)
                .state();
        ConversationState why = engine.apply(ANA, asked, new Event.Said("Run a marathon"), NOW).state();
        PersonData snapshot = engine.personData(ANA);

        Turn first = engine.apply(ANA, why, new Event.Said("Health"), NOW, snapshot);
        // the action wrote, so the closing words read the goals after it: once, though they name them twice
        assertThat(reads).containsExactly("goals");
        assertThat(first.messages()).extracting(Outbound::text).contains("Saved: you have 1 goal(s) now, not 1 and a half.");

        Turn again = engine.apply(ANA, why, new Event.Said("Health"), NOW, snapshot);
        assertThat(reads).as("the action wrote again, so the snapshot is read again").containsExactly("goals", "goals");
        assertThat(again.messages()).extracting(Outbound::text).contains("Saved: you have 2 goal(s) now, not 2 and a half.");
    }

    @Test
    void aRetriedTurnThatWroteNothingReadsTheSnapshotItHas() {
        flows.define("""
                id: hello
                title: Hello
                steps:
                  - id: name
                    ask: "What shall I call you, {{person.name}}?"
                    save: called
                  - id: done
                    end: "Hello {{called}}, also known as {{person.name}}."
                """);
        ConversationState asked = engine.apply(ANA, ConversationState.idle(null), new Event.Command("hello"), NOW)
                .state();
        reads.clear();
        PersonData snapshot = engine.personData(ANA);

        engine.apply(ANA, asked, new Event.Said("Annie"), NOW, snapshot);
        Turn retried = engine.apply(ANA, asked, new Event.Said("Annie"), NOW, snapshot);

        assertThat(retried.messages()).extracting(Outbound::text).contains("Hello Annie, also known as Ana.");
        assertThat(reads).containsExactly("person");
    }
}
