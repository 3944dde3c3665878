package dev.trellis.engine;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled timer never vanishes: it starts its flow, or waits for the running one to end and is offered then. */
class TimerWhileBusyTest {

    private static final Engine.Subject ANA = new Engine.Subject("web:w:ana", "web", "person-ana");
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final InlineFlows flows = new InlineFlows(Set.of());
    private final Engine engine = new Engine(flows, InlineFlows.MESSAGES, List.of(), PersonContext.NONE,
            Reflector.QUOTE);

    TimerWhileBusyTest() {
        flows.define("""
                id: journal
                title: Journal
                steps:
                  - id: entry
                    ask: "What happened today?"
                    save: entry
                  - id: done
                    end: "Noted."
                """);
        flows.define("""
                id: checkin
                title: Goal check-in
                params: [goal]
                steps:
                  - id: intro
                    say: "Let's look at goal {{goal}}."
                  - id: progress
                    scale: { text: "How far along are you?", min: 0, max: 10 }
                    save: progress
                  - id: done
                    end: "Thanks."
                """);
    }

    private static Inbound.Timer checkinDue(String timerId) {
        return new Inbound.Timer(timerId, NOW, "checkin", null, Map.of("goal", "g1"));
    }

    @Test
    void timerWhileIdleStartsItsFlowWithItsVariables() {
        Turn started = engine.apply(ANA, ConversationState.idle(null), new Event.TimerFired(checkinDue("t1")), NOW);

        assertThat(started.state().flowId()).isEqualTo("checkin");
        assertThat(started.messages()).extracting(Outbound::text)
                .containsExactly("Let's look at goal g1.", "How far along are you?");
    }

    @Test
    void timerMayStartItsFlowAtANamedStep() {
        Inbound.Timer atProgress = new Inbound.Timer("t1", NOW, "checkin", "progress", Map.of("goal", "g1"));

        Turn started = engine.apply(ANA, ConversationState.idle(null), new Event.TimerFired(atProgress), NOW);

        assertThat(started.messages()).extracting(Outbound::text).containsExactly("How far along are you?");
    }

    @Test
    void timerWhileBusyWaitsQuietlyAndIsOfferedWhenTheFlowEnds() {
        Turn journal = engine.apply(ANA, ConversationState.idle(null), new Event.Command("journal"), NOW);

        Turn busy = engine.apply(ANA, journal.state(), new Event.TimerFired(checkinDue("t1")), NOW);

        assertThat(busy.messages()).as("the running flow is not interrupted").isEmpty();
        assertThat(busy.state().flowId()).isEqualTo("journal");
        assertThat(busy.state().openControl()).isEqualTo(journal.state().openControl());
        assertThat(busy.state().timers()).extracting(Inbound.Timer::timerId).containsExactly("t1");

        Turn ended = engine.apply(ANA, busy.state(), new Event.Said("A long meeting, then a good walk."), NOW);

        assertThat(ended.messages()).extracting(Outbound::text).containsExactly("Noted.",
                "Your *Goal check-in* came due while we were busy with something else. Shall we start it now?");
        Outbound offer = ended.messages().get(1);
        assertThat(offer.kind()).isEqualTo(Outbound.Kind.CONFIRM);
        assertThat(ended.state().question()).isInstanceOf(OpenQuestion.TimerOffer.class);

        Turn accepted = engine.apply(ANA, ended.state(), new Event.Clicked(offer.controlId(), List.of("yes")), NOW);

        assertThat(accepted.state().flowId()).isEqualTo("checkin");
        assertThat(accepted.state().timers()).isEmpty();
        assertThat(accepted.messages()).extracting(Outbound::text)
                .containsExactly("Start now", "Let's look at goal g1.", "How far along are you?");
    }

    @Test
    void timerOfferDeclinedInWordsIsSetAsideWithAHint() {
        ConversationState busy = engine.apply(ANA,
                engine.apply(ANA, ConversationState.idle(null), new Event.Command("journal"), NOW).state(),
                new Event.TimerFired(checkinDue("t1")), NOW).state();
        ConversationState offered = engine.apply(ANA, busy, new Event.Said("stop"), NOW).state();
        assertThat(offered.question()).isInstanceOf(OpenQuestion.TimerOffer.class);

        Turn declined = engine.apply(ANA, offered, new Event.Said("no"), NOW);

        assertThat(declined.state().timers()).isEmpty();
        assertThat(declined.state().question()).isNull();
        assertThat(declined.messages()).extracting(Outbound::text).contains(
                "All right, I've set *Goal check-in* aside. Type *checkin* whenever you want to do it.");
    }

    @Test
    void offerStaysOpenWhileThePersonDoesSomethingElseAndComesBackAfterIt() {
        ConversationState busy = engine.apply(ANA,
                engine.apply(ANA, ConversationState.idle(null), new Event.Command("journal"), NOW).state(),
                new Event.TimerFired(checkinDue("t1")), NOW).state();
        ConversationState offered = engine.apply(ANA, busy, new Event.Said("stop"), NOW).state();

        ConversationState journalAgain = engine.apply(ANA, offered, new Event.Command("journal"), NOW).state();
        Turn ended = engine.apply(ANA, journalAgain, new Event.Said("Quiet day."), NOW);

        assertThat(ended.state().question()).isInstanceOf(OpenQuestion.TimerOffer.class);
        assertThat(ended.messages()).extracting(Outbound::text).last().asString().contains("Goal check-in");
    }

    @Test
    void sameTimerFiringTwiceWhileBusyWaitsOnce() {
        ConversationState state = engine.apply(ANA, ConversationState.idle(null), new Event.Command("journal"), NOW)
                .state();
        state = engine.apply(ANA, state, new Event.TimerFired(checkinDue("t1")), NOW).state();
        state = engine.apply(ANA, state, new Event.TimerFired(checkinDue("t1")), NOW.plusSeconds(86_400)).state();

        assertThat(state.timers()).singleElement().extracting(Inbound.Timer::timerId).isEqualTo("t1");
    }
}
