package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.Step;
import dev.trellis.flow.StepKind;
import dev.trellis.flow.Templates;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The conversation engine: a pure function of (state, event, clock) to a {@link Turn}. It imports no Spring,
 * no MongoDB and no platform type; flows, messages, actions and person data come in through its constructor.
 *
 * <p>Promises: an event that cannot be applied (a click on an old control, a failing action, an expression error)
 * returns the state it was given unchanged, with a polite message; interrupts ({@code help}, {@code back},
 * {@code stop}, {@code menu}, {@code pause}) work at every question; a conversation finishes on the flow version it
 * started on unless the new version migrates its step.
 */
public final class Engine {

    /** Who the conversation is with; used for action idempotency keys and person data. */
    public record Subject(String conversationId, String channel, String personId) {
    }

    private final EngineParts parts;

    public Engine(FlowCatalog flows, MessageBundle messages, List<ActionHandler> actions, PersonContext context,
                  Reflector reflector) {
        Words words = new Words(messages);
        this.parts = new EngineParts(flows, messages, new Templates(), new ActionRunner(actions), context, reflector,
                words, new AnswerReader(words));
    }

    public Turn apply(Subject subject, ConversationState state, Event event, Instant now) {
        TurnRun run = new TurnRun(parts, subject, state, now);
        try {
            if (event instanceof Event.Command c) return command(run, c.args() == null ? "" : c.args());
            if (event instanceof Event.Said s) return said(run, s.text() == null ? "" : s.text());
            if (event instanceof Event.Clicked c) return clicked(run, c);
            if (event instanceof Event.TimerFired t) return timer(run, t);
            return tick(run);
        } catch (RuntimeException e) {
            TurnRun apology = new TurnRun(parts, subject, state, now);
            apology.sayMessage("trellis.error.step", Map.of());
            String action = e instanceof ActionRunner.ActionFailure f ? f.action : null;
            Throwable cause = e instanceof ActionRunner.ActionFailure ? e.getCause() : e;
            apology.effects.add(new Turn.Effect.StepFailed(run.flowId, run.stepId, action, cause));
            return apology.rejected(action != null ? "action failed" : "step failed");
        }
    }

    // ---------------------------------------------------------------- events

    private Turn command(TurnRun run, String args) {
        String word = Words.normalize(args);
        Words.Interrupt interrupt = parts.words().interrupt(word.isEmpty() ? "menu" : word, run.locale());
        if (interrupt != null) return interrupt(run, interrupt);
        Optional<Flow> flow = parts.flows().current(word);
        if (flow.isPresent()) {
            run.start(flow.get(), Map.of());
            return run.result();
        }
        run.sayMessage("trellis.unknownFlow", Map.of("name", word));
        return menu(run, false);
    }

    private Turn said(TurnRun run, String text) {
        Words.Interrupt interrupt = parts.words().interrupt(text, run.locale());
        if (interrupt != null) return interrupt(run, interrupt);
        if (!run.running()) {
            Optional<Flow> typed = parts.flows().current(Words.normalize(text));
            if (typed.isPresent()) {
                run.start(typed.get(), Map.of());
                return run.result();
            }
            run.sayMessage("trellis.greeting", Map.of());
            return menu(run, false);
        }
        run.lastActivityAt = run.now();
        if (!loadFlow(run)) return run.result();
        if (run.status == Status.PAUSED) {
            run.status = Status.ACTIVE;
            run.sayMessage("trellis.resumed", Map.of());
            run.askAgain();
            return run.result();
        }
        return answer(run, new AnswerReader.Input(text, List.of()));
    }

    private Turn clicked(TurnRun run, Event.Clicked click) {
        if (TurnRun.MENU_CONTROL.equals(click.controlId())) {
            Optional<Flow> flow = click.values().isEmpty() ? Optional.empty()
                    : parts.flows().current(click.values().get(0));
            if (flow.isEmpty()) return menu(run, false);
            run.start(flow.get(), Map.of());
            return run.result();
        }
        if (!run.running() || run.openControl == null || !run.openControl.equals(click.controlId())) {
            run.sayMessage("trellis.stale", Map.of());
            return run.rejected("stale control");
        }
        run.lastActivityAt = run.now();
        if (run.openControl.endsWith("." + TurnRun.RESTART_CONTROL)) return restartReply(run, click);
        if (!loadFlow(run)) return run.result();
        run.status = Status.ACTIVE;
        return answer(run, new AnswerReader.Input(null, click.values()));
    }

    private Turn tick(TurnRun run) {
        if (!run.running() || run.wakeAt == null || run.now().isBefore(run.wakeAt)) {
            return run.rejected("nothing due");
        }
        Flow flow = parts.flows().version(run.flowId, run.flowVersion).or(() -> parts.flows().current(run.flowId))
                .orElse(null);
        Instant idleDeadline = (run.lastActivityAt == null ? run.now() : run.lastActivityAt)
                .plus(flow == null ? Flow.DEFAULT_IDLE_LIMIT : flow.idleLimit());
        if (flow == null || !run.now().isBefore(idleDeadline)) {
            String title = title(run);
            run.end(Status.ABANDONED);
            run.sayMessage("trellis.abandoned", Map.of("title", title));
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.ABANDONED);
            return run.result();
        }
        run.flow = flow;
        Step step = run.currentStep();
        if (run.status == Status.ACTIVE && step.timeout() != null && run.openControl != null) {
            run.attempts = 0;
            run.vars.remove(TurnRun.OPTIONS_VAR);
            run.runFrom(step.timeout().target());
        } else {
            run.wakeAt = idleDeadline;
        }
        return run.result();
    }

    private Turn timer(TurnRun run, Event.TimerFired timer) {
        Optional<Flow> flow = parts.flows().current(timer.flowId());
        if (flow.isEmpty()) return run.rejected("unknown flow " + timer.flowId());
        if (run.running()) return run.rejected("busy");
        run.start(flow.get(), timer.vars() == null ? Map.of() : timer.vars());
        return run.result();
    }

    // ---------------------------------------------------------------- interrupts and menu

    private Turn interrupt(TurnRun run, Words.Interrupt interrupt) {
        if (!run.running()) {
            return switch (interrupt) {
                case MENU -> menu(run, false);
                case HELP -> {
                    run.sayMessage("trellis.help.idle", Map.of());
                    yield menu(run, false);
                }
                default -> {
                    run.sayMessage("trellis.nothingRunning", Map.of());
                    yield menu(run, false);
                }
            };
        }
        if (interrupt == Words.Interrupt.STOP) {
            String title = title(run);
            run.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.STOPPED);
            return run.result();
        }
        if (interrupt == Words.Interrupt.MENU) return menu(run, true);
        run.lastActivityAt = run.now();
        if (!loadFlow(run)) return run.result();
        switch (interrupt) {
            case HELP -> {
                run.sayMessage("trellis.help.running", Map.of("title", run.flow.title()));
                run.status = Status.ACTIVE;
                run.askAgain();
            }
            case PAUSE -> {
                run.status = Status.PAUSED;
                run.wakeAt = run.lastActivityAt.plus(run.flow.idleLimit());
                run.sayMessage("trellis.paused", Map.of());
            }
            case BACK -> back(run);
            default -> throw new IllegalStateException("unhandled interrupt " + interrupt);
        }
        return run.result();
    }

    private void back(TurnRun run) {
        run.status = Status.ACTIVE;
        if (run.history.isEmpty()) {
            run.sayMessage("trellis.back.none", Map.of());
            run.askAgain();
            return;
        }
        ConversationState.Snapshot previous = run.history.remove(run.history.size() - 1);
        run.vars = new java.util.LinkedHashMap<>(previous.vars());
        run.attempts = 0;
        run.runFrom(previous.stepId());
    }

    private Turn menu(TurnRun run, boolean whileRunning) {
        if (whileRunning) run.sayMessage("trellis.menu.running", Map.of("title", title(run)));
        List<Outbound.Choice> choices = parts.flows().listed().stream()
                .map(f -> new Outbound.Choice(f.id(), f.title())).toList();
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CHOICE, run.message("trellis.menu.prompt", Map.of()),
                choices, false, null, null, null, null, TurnRun.MENU_CONTROL, null));
        return run.result();
    }

    private String title(TurnRun run) {
        if (run.flow != null) return run.flow.title();
        return parts.flows().current(run.flowId).map(Flow::title).orElse(run.flowId);
    }

    // ---------------------------------------------------------------- versions

    /**
     * Loads the flow version the conversation runs on. Returns false when the event was used up telling the
     * person about a changed flow (migrated to a new step, or offered a restart).
     */
    private boolean loadFlow(TurnRun run) {
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
            run.sayMessage("trellis.migrated", Map.of("title", run.flow.title()));
            run.runFrom(current.get().migrations().get(run.stepId));
            return false;
        }
        Optional<Flow> started = parts.flows().version(run.flowId, run.flowVersion);
        if (started.isPresent()) {
            run.flow = started.get();
            return true;
        }
        run.openControl = run.turn + "." + TurnRun.RESTART_CONTROL;
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CONFIRM,
                run.message("trellis.flowChanged", Map.of("title", title(run))),
                List.of(new Outbound.Choice("yes", run.message("trellis.yes", Map.of())),
                        new Outbound.Choice("no", run.message("trellis.no", Map.of()))),
                false, null, null, null, null, run.openControl, null));
        return false;
    }

    private Turn restartReply(TurnRun run, Event.Clicked click) {
        boolean yes = click.values().contains("yes");
        run.out.add(answered(run, run.openControl, run.message(yes ? "trellis.yes" : "trellis.no", Map.of())));
        Optional<Flow> current = parts.flows().current(run.flowId);
        if (yes && current.isPresent()) {
            run.start(current.get(), Map.of());
        } else {
            String title = title(run);
            run.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
        }
        return run.result();
    }

    // ---------------------------------------------------------------- answers

    private Turn answer(TurnRun run, AnswerReader.Input input) {
        Step step = run.currentStep();
        if (run.openControl != null && run.openControl.endsWith(TurnRun.REFLECT_SUFFIX)) {
            return reflectReply(run, step, input);
        }
        Answer answer = read(run, step, input);
        if (answer instanceof Answer.Valid valid) return accept(run, step, valid);
        return retry(run, step, (Answer.Invalid) answer);
    }

    private Answer read(TurnRun run, Step step, AnswerReader.Input input) {
        AnswerReader reader = parts.reader();
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Ask ask) {
            return reader.ask(ask, input, run.activation(), run.zone(), run.today(), run.locale());
        }
        if (kind instanceof StepKind.Choice choice) {
            return reader.choice(choice, input, run.offeredChoices(), run.offeredValues());
        }
        if (kind instanceof StepKind.Scale scale) return reader.scale(scale, input);
        if (kind instanceof StepKind.Confirm confirm) {
            return reader.confirm(input, run.yesLabel(confirm), run.noLabel(confirm), run.locale());
        }
        throw new IllegalStateException("step '" + step.id() + "' does not take answers");
    }

    private Turn accept(TurnRun run, Step step, Answer.Valid valid) {
        run.rememberForBack();
        if (step.save() != null) run.vars.put(step.save(), valid.value());
        run.vars.remove(TurnRun.OPTIONS_VAR);
        run.attempts = 0;
        String control = run.openControl;
        boolean typedQuestion = step.kind() instanceof StepKind.Ask a && a.type() != StepKind.AnswerType.DATE;
        if (!typedQuestion) run.out.add(answered(run, control, valid.display()));
        if (step.kind() instanceof StepKind.Ask ask && ask.reflect() && valid.value() instanceof String said) {
            offerReflection(run, control, said);
            return run.result();
        }
        run.openControl = null;
        run.runFrom(run.after(step));
        return run.result();
    }

    private void offerReflection(TurnRun run, String control, String said) {
        String reflection = parts.reflector().reflect(said, run.locale(), run.turn);
        if (reflection == null) reflection = run.message("trellis.reflect.check", Map.of("reflection", said));
        run.openControl = control + TurnRun.REFLECT_SUFFIX;
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CONFIRM, reflection,
                List.of(new Outbound.Choice("yes", run.message("trellis.reflect.yes", Map.of())),
                        new Outbound.Choice("no", run.message("trellis.reflect.no", Map.of()))),
                false, null, null, null, null, run.openControl, null));
    }

    private Turn reflectReply(TurnRun run, Step step, AnswerReader.Input input) {
        String yes = run.message("trellis.reflect.yes", Map.of());
        String no = run.message("trellis.reflect.no", Map.of());
        Answer reply = parts.reader().confirm(input, yes, no, run.locale());
        if (reply instanceof Answer.Valid valid) {
            run.out.add(answered(run, run.openControl, valid.display()));
            if (Boolean.TRUE.equals(valid.value())) {
                run.openControl = null;
                run.runFrom(run.after(step));
            } else {
                if (!run.history.isEmpty()) run.history.remove(run.history.size() - 1);
                run.sayMessage("trellis.reflect.correct", Map.of());
                run.openControl = run.turn + "." + step.id();
                run.ask(step);
            }
            return run.result();
        }
        if (input.clicked()) {
            run.sayMessage("trellis.stale", Map.of());
            return run.rejected("unknown reflection reply");
        }
        // Anything else typed is the person putting it their own way: take it as the answer.
        Answer corrected = read(run, step, input);
        if (corrected instanceof Answer.Valid valid) {
            run.out.add(answered(run, run.openControl, valid.display()));
            if (step.save() != null) run.vars.put(step.save(), valid.value());
            run.sayMessage("trellis.reflect.thanks", Map.of());
            run.openControl = null;
            run.runFrom(run.after(step));
            return run.result();
        }
        return retry(run, step, (Answer.Invalid) corrected);
    }

    private Turn retry(TurnRun run, Step step, Answer.Invalid invalid) {
        run.attempts++;
        var retry = run.retryOf(step);
        if (run.attempts > retry.max() && retry.then() != null) {
            run.attempts = 0;
            run.vars.remove(TurnRun.OPTIONS_VAR);
            run.sayMessage("trellis.retry.moveOn", Map.of());
            run.runFrom(retry.then());
            return run.result();
        }
        if (step.kind() instanceof StepKind.Ask ask && ask.validate() != null && ask.validate().message() != null) {
            run.sayText(ask.validate().message(), invalid.args());
        } else {
            run.sayMessage("trellis.retry." + invalid.messageKey(), invalid.args());
        }
        run.askAgain();
        run.outcome = new Turn.Outcome.Retried(step.id(), run.attempts);
        return run.result();
    }

    private static Outbound answered(TurnRun run, String controlId, String display) {
        return new Outbound(run.nextId(), Outbound.Kind.ANSWERED, display, List.of(), false, null, null, null, null,
                controlId, null);
    }
}
