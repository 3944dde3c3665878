package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Someone Trellis has never talked with is offered the welcome flow first; afterwards the menu is the usual one. */
class WelcomeMenuTest {

    private static final Engine.Subject NEWCOMER = new Engine.Subject("web:nia", "web", "nia");
    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of());
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(), PersonContext.NONE, Reflector.QUOTE);

    WelcomeMenuTest() {
        flows.define("""
                id: note
                title: Note
                steps:
                  - id: what
                    ask: "What shall I note?"
                  - id: done
                    end: "Noted."
                """);
        flows.define("""
                id: hello
                title: Welcome
                welcome: true
                steps:
                  - id: hi
                    end: "Welcome aboard."
                """);
    }

    private static Outbound menu(Turn turn) {
        return turn.messages().stream().filter(m -> m.kind() == Outbound.Kind.CHOICE).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aFirstHelloOffersTheWelcomeFlowFirstAndSaysWhy() {
        Turn first = engine.apply(NEWCOMER, ConversationState.idle(null), new Event.Said("hi"), NOW);

        Outbound menu = menu(first);
        assertThat(menu.choices()).extracting(Outbound.Choice::value).startsWith("hello").contains("note");
        assertThat(menu.text()).isEqualTo("New here? *Welcome* is a good place to start, or pick anything else:");
    }

    @Test
    void aGermanNewcomerIsWelcomedInGerman() {
        ConversationState german = ConversationState.idle(new ConversationState.Profile("Nia", "de", "Europe/Berlin"));

        Outbound menu = menu(engine.apply(NEWCOMER, german, new Event.Command(""), NOW));

        assertThat(menu.text()).startsWith("Neu hier? *Welcome* ist ein guter Anfang");
        assertThat(menu.choices().get(0).value()).isEqualTo("hello");
    }

    @Test
    void afterTheFirstConversationTheMenuIsTheUsualOne() {
        ConversationState started = engine.apply(NEWCOMER, ConversationState.idle(null), new Event.Command("note"), NOW).state();
        ConversationState done = engine.apply(NEWCOMER, started, new Event.Said("buy milk"), NOW).state();

        Outbound menu = menu(engine.apply(NEWCOMER, done, new Event.Said("menu"), NOW));

        assertThat(menu.text()).isEqualTo("What would you like to work on?");
        assertThat(menu.choices()).extracting(Outbound.Choice::value).containsExactlyInAnyOrder("note", "hello");
        assertThat(menu(engine.apply(NEWCOMER, done, new Event.Said("hello there"), NOW)).text())
                .isEqualTo("What would you like to work on?");
    }

    @Test
    void withoutAWelcomeFlowANewcomerGetsTheUsualMenu() {
        InlineFlows plain = new InlineFlows(Set.of());
        plain.define("""
                id: note
                title: Note
                steps:
                  - id: done
                    end: "Noted."
                """);
        Engine engine = new Engine(plain, InlineFlows.MESSAGES, List.of(), PersonContext.NONE, Reflector.QUOTE);

        assertThat(menu(engine.apply(NEWCOMER, ConversationState.idle(null), new Event.Said("hi"), NOW)).text())
                .isEqualTo("What would you like to work on?");
    }
}
