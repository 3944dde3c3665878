package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * A share step is a yes/no question: only a yes (clicked or typed in the person's words) shares, and then the turn
 * carries the consent as an effect with the moment it was given and the items by id, never their text.
 */
class ShareStepTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of("notes.add"));

    @ActionName("notes.add")
    private static final class AddNote implements ActionHandler {
        @Override
        public Map<String, Object> run(Request request) {
            return Map.of("id", "tp-7");
        }
    }

    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(new AddNote()), PersonContext.NONE,
            Reflector.QUOTE);

    ShareStepTest() {
        flows.define("""
                id: raise
                title: Raise a point
                steps:
                  - id: point
                    ask: "What do you want to raise?"
                    save: point
                  - id: add
                    action: notes.add
                    with: { text: "point" }
                    save: added
                  - id: share
                    share:
                      text: "Shall I share it with your manager?"
                      yes: "Share it"
                      no: "Keep it private"
                      audience: manager
                      items: [ { kind: talkingPoint, id: "added.id" } ]
                    save: shared
                  - id: done
                    end: "Noted."
                """);
    }

    private Turn answer(String... said) {
        ConversationState state = engine.apply(ANA, ConversationState.idle(null), new Event.Command("raise"), NOW).state();
        Turn turn = null;
        for (String s : said) {
            turn = engine.apply(ANA, state, new Event.Said(s), NOW);
            state = turn.state();
        }
        return turn;
    }

    @Test
    void aTypedYesSharesTheItemByIdWithTheMomentOfConsent() {
        Turn turn = answer("My conference budget for March", "yes, share it");

        assertThat(turn.effects()).contains(new Turn.Effect.Shared("manager", List.of("talkingPoint:tp-7"), NOW));
        assertThat(turn.effects().toString()).doesNotContain("conference");
        assertThat(turn.state().vars()).containsEntry("shared", true);
    }

    @Test
    void aTypedNoOrTheButtonToKeepItPrivateSharesNothing() {
        for (String no : List.of("no keep it private", "Keep it private", "nope")) {
            Turn turn = answer("My conference budget for March", no);

            assertThat(turn.effects()).as(no).noneMatch(e -> e instanceof Turn.Effect.Shared);
            assertThat(turn.state().vars()).as(no).containsEntry("shared", false);
        }
    }

    @Test
    void somethingElseIsNeitherAndTheQuestionIsAskedAgain() {
        Turn turn = answer("My conference budget for March", "hmm what does my manager see?");

        assertThat(turn.effects()).noneMatch(e -> e instanceof Turn.Effect.Shared);
        assertThat(turn.state().stepId()).isEqualTo("share");
    }
}
