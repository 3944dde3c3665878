package dev.trellis.engine;

import dev.trellis.flow.Flow;

import java.util.Map;
import java.util.Optional;

/**
 * Which version of a flow a running conversation continues on: the one it started on, a newer one its step was
 * migrated to, or, when its version is gone, a fresh start the person agrees to.
 */
final class FlowVersions {

    private final EngineParts parts;

    FlowVersions(EngineParts parts) {
        this.parts = parts;
    }

    /**
     * Loads the flow version the conversation runs on. Returns false when the event was used up telling the
     * person about a changed flow (migrated to a new step, or offered a restart).
     */
    boolean load(TurnRun run) {
        Optional<Flow> current = parts.flows().current(run.flowId);
        if (current.isPresent() && current.get().version().equals(run.flowVersion)) {
            run.flow = current.get();
            return true;
        }
        if (current.isPresent() && run.stack.isEmpty() && current.get().migrations().containsKey(run.stepId)) {
            run.flow = current.get();
            run.flowVersion = current.get().version();
            run.history.clear();
            run.vars.remove(TurnRun.OPTIONS_VAR);
            run.sayMessage("trellis.migrated", Map.of("title", run.title()));
            run.walk.runFrom(current.get().migrations().get(run.stepId));
            return false;
        }
        Optional<Flow> started = parts.flows().version(run.flowId, run.flowVersion);
        if (started.isPresent()) {
            run.flow = started.get();
            return true;
        }
        run.askYesNo(new OpenQuestion.Restart(OpenQuestion.engineControl(run.turn, "restart")),
                run.message("trellis.flowChanged", Map.of("title", run.title())), "trellis.yes", "trellis.no");
        return false;
    }

    /** The person said whether to start a changed flow again. */
    Turn restartReply(TurnRun run, boolean yes) {
        run.answered(run.message(yes ? "trellis.yes" : "trellis.no", Map.of()));
        Optional<Flow> current = parts.flows().current(run.flowId);
        if (yes && current.isPresent()) {
            run.walk.start(current.get(), Map.of());
        } else {
            String title = run.title();
            run.walk.end(ConversationState.Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
        }
        return run.result();
    }
}
