package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Frame;
import dev.trellis.engine.ConversationState.Snapshot;
import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Branch;
import dev.trellis.flow.Flow;
import dev.trellis.flow.Retry;
import dev.trellis.flow.Step;
import dev.trellis.flow.StepKind;
import dev.trellis.flow.Templates;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves a {@link TurnRun} through its flow: starts and ends flows, walks from step to step until a question is
 * asked or the flow ends, enters and leaves sub-flows, and goes back to an earlier question.
 */
final class FlowWalk {

    /** A flow that keeps running without asking anything is broken; stop it rather than spin. */
    private static final int MAX_STEPS_PER_TURN = 200;
    private static final int MAX_HISTORY = 30;

    /**
     * An action's result under this key is text read by reference from someone else's shared items: the engine says
     * it and drops it, so it never lands in this conversation's variables or transcript.
     */
    static final String SHOW = "show";

    private final TurnRun run;
    private final EngineParts parts;

    FlowWalk(TurnRun run, EngineParts parts) {
        this.run = run;
        this.parts = parts;
    }

    /** Starts {@code target} at its start, or at {@code at} when that step exists (a timer may name one). */
    void start(Flow target, Map<String, Object> params, String at) {
        if (run.running()) end(Status.STOPPED);
        run.flow = target;
        run.flowId = target.id();
        run.flowVersion = target.version();
        run.vars = withParams(target, params == null ? Map.of() : params);
        run.status = Status.ACTIVE;
        run.attempts = 0;
        run.stack.clear();
        run.history.clear();
        run.startedAt = run.now();
        run.lastActivityAt = run.now();
        run.effects.add(new Turn.Effect.FlowStarted(run.flowId, run.flowVersion));
        runFrom(at != null && target.step(at).isPresent() ? at : target.start());
    }

    void start(Flow target, Map<String, Object> params) {
        start(target, params, null);
    }

    /** A flow's starting variables: what the caller passed, and an empty text for each param it left out. */
    private static Map<String, Object> withParams(Flow target, Map<String, Object> passed) {
        Map<String, Object> start = new LinkedHashMap<>(passed);
        target.params().forEach(p -> start.putIfAbsent(p, ""));
        return start;
    }

    /** Runs steps from {@code next} until a question is asked or the flow ends. */
    void runFrom(String next) {
        int guard = 0;
        while (next != null) {
            if (++guard > MAX_STEPS_PER_TURN) {
                throw new IllegalStateException("flow '" + run.flowId + "' ran " + MAX_STEPS_PER_TURN
                        + " steps without asking anything (last step '" + next + "')");
            }
            String id = next;
            Step step = run.flow.step(id).orElseThrow(() -> new IllegalStateException(
                    "flow '" + run.flowId + "' has no step '" + id + "'"));
            run.stepId = step.id();
            run.question = null;
            run.visited.add(run.flowId + "/" + step.id());
            next = walk(step);
        }
    }

    /** Does one step; returns the id of the step to do next, or null when the walk stops. */
    private String walk(Step step) {
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Say say) {
            run.sayText(say.text(), Map.of());
            return after(step);
        }
        if (kind instanceof StepKind.SetVars set) {
            set.values().forEach((name, expr) -> run.vars.put(name, expr.evaluate(run.activation())));
            return after(step);
        }
        if (kind instanceof StepKind.Action action) {
            run.actions++;
            Map<String, Object> result = parts.actions().run(run, step, action);
            if (result.get(SHOW) instanceof String shown) {
                // someone else's shared words: said now, kept neither in the variables nor in the transcript
                result = new LinkedHashMap<>(result);
                result.remove(SHOW);
                Outbound message = Outbound.text(run.nextId(), shown);
                run.out.add(message);
                run.standIns.put(message.id(), run.message("trellis.shared.shown", Map.of()));
            }
            if (step.save() != null) run.vars.put(step.save(), result);
            if (result.get("imageId") instanceof String imageId) {
                run.out.add(new Outbound(run.nextId(), Outbound.Kind.IMAGE, Templates.plain(result.get("imageAlt")),
                        List.of(), false, null, null, null, null, null, imageId));
            }
            if (result.get("fileId") instanceof String fileId) {
                run.out.add(new Outbound(run.nextId(), Outbound.Kind.FILE, Templates.plain(result.get("fileTitle")),
                        List.of(), false, null, null, null, null, null, fileId));
            }
            run.personDataChanged();
            return after(step);
        }
        if (kind instanceof StepKind.Call call) return enterSubFlow(step, call);
        if (kind instanceof StepKind.Schedule schedule) {
            run.effects.add(Timers.set(schedule, run.flowId, run.activation(), run.now(), run.zone()));
            return after(step);
        }
        if (kind instanceof StepKind.Unschedule unschedule) {
            run.effects.add(new Turn.Effect.TimerCancelled(unschedule.name()));
            return after(step);
        }
        if (kind instanceof StepKind.End end) {
            if (end.text() != null) run.sayText(end.text(), Map.of());
            return finish();
        }
        if (kind instanceof StepKind.Ask || kind instanceof StepKind.Choice || kind instanceof StepKind.Scale
                || kind instanceof StepKind.Confirm || kind instanceof StepKind.Share) {
            return ask(step);
        }
        throw new IllegalStateException("unhandled step kind " + kind.getClass().getName());
    }

    private String enterSubFlow(Step step, StepKind.Call call) {
        Flow sub = parts.flows().current(call.flow()).orElseThrow(() -> new IllegalStateException(
                "flow '" + run.flowId + "' calls unknown flow '" + call.flow() + "'"));
        Map<String, Object> params = new LinkedHashMap<>();
        call.with().forEach((name, expr) -> params.put(name, expr.evaluate(run.activation())));
        run.stack.add(new Frame(run.flowId, run.flowVersion, step.id(), Map.copyOf(TurnRun.withoutNulls(run.vars))));
        run.flow = sub;
        run.flowId = sub.id();
        run.flowVersion = sub.version();
        run.vars = withParams(sub, params);
        run.history.clear();
        return sub.start();
    }

    /** The step after {@code step}: the first branch that holds, else the next in the file; null = flow ends. */
    String after(Step step) {
        if (step.end()) return finish();
        for (Branch branch : step.next()) {
            if (branch.when() == null || branch.when().test(run.activation())) return branch.target();
        }
        return run.flow.following(step.id()).map(Step::id).orElseGet(this::finish);
    }

    /** Ends the running flow or sub-flow; returns the caller's next step, or null when the conversation is done. */
    String finish() {
        if (run.stack.isEmpty()) {
            end(Status.FINISHED);
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.FINISHED);
            return null;
        }
        Frame caller = run.stack.remove(run.stack.size() - 1);
        Map<String, Object> result = TurnRun.publicVars(run.vars);
        run.flow = parts.flowAt(caller.flowId(), caller.flowVersion());
        run.flowId = caller.flowId();
        run.flowVersion = caller.flowVersion();
        run.vars = new LinkedHashMap<>(caller.vars());
        run.history.clear();
        Step callStep = run.flow.step(caller.stepId()).orElseThrow();
        if (callStep.save() != null) run.vars.put(callStep.save(), result);
        run.stepId = callStep.id();
        return after(callStep);
    }

    void end(Status how) {
        run.effects.add(new Turn.Effect.FlowEnded(run.flowId, how, run.stepId));
        run.status = how;
        run.stepId = null;
        run.question = null;
        run.wakeAt = null;
        run.attempts = 0;
        run.stack.clear();
        run.history.clear();
        run.vars.remove(TurnRun.OPTIONS_VAR);
    }

    /** Asks a question step with a fresh control id; returns null (the walk stops here). */
    String ask(Step step) {
        run.stepId = step.id();
        run.question = new OpenQuestion.Step(run.turn + "." + step.id());
        run.out.add(Questions.question(run, step, run.question.controlId()));
        run.wakeAt = wakeFor(step);
        return null;
    }

    /** Asks the current step again; an open step question keeps its control id so its controls stay valid. */
    void askAgain() {
        Step step = currentStep();
        // a reflection, probe or engine question was open: the step's own question takes its place again
        if (!(run.question instanceof OpenQuestion.Step)) {
            run.question = new OpenQuestion.Step(run.turn + "." + step.id());
        }
        run.out.add(Questions.question(run, step, run.question.controlId()));
    }

    /** Goes back to the question before the current one, with the variables and action count it had then. */
    void back() {
        run.status = Status.ACTIVE;
        if (run.history.isEmpty()) {
            run.sayMessage("trellis.back.none", Map.of());
            askAgain();
            return;
        }
        Snapshot previous = run.history.remove(run.history.size() - 1);
        run.vars = new LinkedHashMap<>(previous.vars());
        run.actions = previous.actions();
        run.attempts = 0;
        runFrom(previous.stepId());
    }

    /** Remembers the current question with the variables before its answer, for {@code back}. */
    void rememberForBack() {
        run.history.add(new Snapshot(run.stepId, Map.copyOf(TurnRun.withoutNulls(run.vars)), run.actions));
        if (run.history.size() > MAX_HISTORY) run.history.remove(0);
    }

    Step currentStep() {
        return run.flow.step(run.stepId).orElseThrow(() -> new IllegalStateException(
                "flow '" + run.flowId + "' has no step '" + run.stepId + "'"));
    }

    private Instant wakeFor(Step step) {
        Instant idle = (run.lastActivityAt == null ? run.now() : run.lastActivityAt).plus(run.flow.idleLimit());
        if (step.timeout() == null) return idle;
        Instant due = run.now().plus(step.timeout().after());
        return due.isBefore(idle) ? due : idle;
    }

    static Retry retryOf(Step step) {
        Retry r = null;
        if (step.kind() instanceof StepKind.Ask a) r = a.retry();
        if (step.kind() instanceof StepKind.Choice c) r = c.retry();
        if (step.kind() instanceof StepKind.Scale s) r = s.retry();
        return r == null ? Retry.DEFAULT : r;
    }
}
