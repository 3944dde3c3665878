package dev.trellis.engine;

import dev.trellis.flow.Flow;

import java.util.Map;
import java.util.Optional;

/**
 * Timers that fire while the person is in another flow: kept in the conversation (never dropped), and offered one
 * at a time once no flow runs ("Your check-in is due. Start it now?").
 */
final class TimerOffers {

    /** More waiting timers than this are not a person's real backlog; the oldest make room. */
    static final int MAX_WAITING = 20;

    private TimerOffers() {
    }

    /** Keeps {@code timer} until the running flow ends; a timer that fires again replaces its earlier firing. */
    static void keep(TurnRun run, Inbound.Timer timer) {
        run.timers.removeIf(waiting -> waiting.timerId().equals(timer.timerId()));
        run.timers.add(timer);
        while (run.timers.size() > MAX_WAITING) run.timers.remove(0);
    }

    /** Offers the oldest waiting timer whose flow still exists; timers of flows that are gone are let go. */
    static void offerNext(TurnRun run, EngineParts parts) {
        while (!run.timers.isEmpty()) {
            Inbound.Timer next = run.timers.get(0);
            Optional<Flow> flow = parts.flows().current(next.flowId());
            if (flow.isEmpty()) {
                run.timers.remove(0);
                continue;
            }
            run.askYesNo(new OpenQuestion.TimerOffer(OpenQuestion.engineControl(run.turn, "timer"), next.timerId()),
                    run.message("trellis.timer.due", Map.of("title", run.titleOf(flow.get()))),
                    "trellis.timer.now", "trellis.timer.later");
            return;
        }
    }

    /** The person said whether to start an offered timer's flow now; either way it stops waiting. */
    static Turn reply(TurnRun run, EngineParts parts, OpenQuestion.TimerOffer offer, boolean yes) {
        run.answered(run.message(yes ? "trellis.timer.now" : "trellis.timer.later", Map.of()));
        Optional<Inbound.Timer> timer = run.timers.stream().filter(t -> t.timerId().equals(offer.timerId()))
                .findFirst();
        timer.ifPresent(run.timers::remove);
        run.question = null;
        Optional<Flow> flow = timer.flatMap(t -> parts.flows().current(t.flowId()));
        if (yes && flow.isPresent()) {
            run.walk.start(flow.get(), timer.get().vars(), timer.get().stepId());
        } else if (flow.isPresent()) {
            run.sayMessage("trellis.timer.setAside", Map.of("title", run.titleOf(flow.get()), "flow", flow.get().id()));
        }
        return run.result();
    }
}
