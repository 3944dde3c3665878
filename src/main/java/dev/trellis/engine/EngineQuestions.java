package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Flow;

import java.util.Map;
import java.util.Optional;

/**
 * The engine's own yes/no questions, beside a flow's steps: switching from the running flow to another, starting
 * a changed flow again, and starting a timer's flow that waited. Each is an {@link OpenQuestion} of its own kind.
 */
final class EngineQuestions {

    private final EngineParts parts;
    private final FlowVersions versions;

    EngineQuestions(EngineParts parts, FlowVersions versions) {
        this.parts = parts;
        this.versions = versions;
    }

    /** The person said yes or no to one of the engine's own questions. */
    Turn answer(TurnRun run, boolean yes) {
        OpenQuestion open = run.question;
        if (open instanceof OpenQuestion.FlowSwitch s) return switchReply(run, s, yes);
        if (open instanceof OpenQuestion.Restart) return versions.restartReply(run, yes);
        if (open instanceof OpenQuestion.TimerOffer t) return TimerOffers.reply(run, parts, t, yes);
        throw new IllegalStateException("not a yes/no question of the engine: " + open);
    }

    /** True for yes, false for no, null for anything else (typed in words or clicked). */
    Boolean yesOrNo(TurnRun run, AnswerReader.Input input) {
        if (input.clicked()) {
            return input.values().contains("yes") ? Boolean.TRUE : input.values().contains("no") ? Boolean.FALSE : null;
        }
        String word = Words.normalize(input.text());
        if (parts.words().is("yes", word, run.locale())) return true;
        if (parts.words().is("no", word, run.locale())) return false;
        return null;
    }

    /**
     * Starts {@code flow}, or, while another flow runs, asks first: a command or a menu button (perhaps an old one,
     * perhaps sent on the person's behalf, like an accepted peer invitation) never ends a conversation silently.
     * Asking for the running flow again by command starts it over; from a menu it carries on where it was.
     */
    Turn startOrAsk(TurnRun run, Flow flow, boolean startOverSame) {
        if (!run.running() || startOverSame && flow.id().equals(run.flowId)) {
            run.walk.start(flow, Map.of());
            return run.result();
        }
        if (!versions.load(run)) return run.result();
        run.lastActivityAt = run.now();
        run.status = Status.ACTIVE;
        if (flow.id().equals(run.flowId)) {
            run.sayMessage("trellis.menu.same", Map.of("title", run.title()));
            run.walk.askAgain();
            return run.result();
        }
        run.askYesNo(new OpenQuestion.FlowSwitch(OpenQuestion.engineControl(run.turn, "switch"), flow.id()),
                run.message("trellis.menu.switch", Map.of("title", run.title(), "next", run.titleOf(flow))),
                "trellis.yes", "trellis.no");
        return run.result();
    }

    private Turn switchReply(TurnRun run, OpenQuestion.FlowSwitch open, boolean yes) {
        run.answered(run.message(yes ? "trellis.yes" : "trellis.no", Map.of()));
        Optional<Flow> flow = parts.flows().current(open.flowId());
        if (yes && flow.isPresent()) {
            String title = run.title();
            run.walk.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
            run.walk.start(flow.get(), Map.of());
            return run.result();
        }
        run.sayMessage("trellis.menu.carryOn", Map.of());
        run.walk.askAgain();
        return run.result();
    }
}
