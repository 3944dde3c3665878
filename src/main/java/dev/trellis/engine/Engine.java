package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.Step;
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

    /** Who the conversation is with ({@code personId}: the Trellis person); for idempotency keys and person data. */
    public record Subject(String conversationId, String channel, String personId) {
    }

    private final EngineParts parts;
    private final Answering answering;
    private final FlowVersions versions;

    public Engine(FlowCatalog flows, MessageBundle messages, List<ActionHandler> actions, PersonContext context,
                  Reflector reflector) {
        Words words = new Words(messages);
        this.parts = new EngineParts(flows, messages, new Templates(), new ActionRunner(actions), context, reflector,
                words, new AnswerReader(words));
        this.answering = new Answering(parts);
        this.versions = new FlowVersions(parts);
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
            apology.effects.add(new Turn.Effect.StepFailed(run.flowId, run.stepId, action, Redacted.of(cause)));
            return apology.rejected(action != null ? "action failed" : "step failed");
        }
    }

    // ---------------------------------------------------------------- events

    private Turn command(TurnRun run, String args) {
        String word = Words.normalize(args);
        Words.Interrupt interrupt = parts.words().interrupt(word.isEmpty() ? "menu" : word, run.locale());
        if (interrupt != null) return interrupt(run, interrupt);
        Optional<Flow> flow = parts.flows().current(word);
        if (flow.isPresent()) return startOrAsk(run, flow.get(), true);
        run.sayMessage("trellis.unknownFlow", Map.of("name", word));
        return menu(run, false);
    }

    private Turn said(TurnRun run, String text) {
        // "later", "end" or "previous" typed as the answer to an open question are the answer: only the exact
        // command words interrupt it
        Words.Interrupt interrupt = parts.words().interrupt(text, run.locale(), answeringInWords(run));
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
        if (!versions.load(run)) return run.result();
        if (run.status == Status.PAUSED) {
            run.status = Status.ACTIVE;
            run.sayMessage("trellis.resumed", Map.of());
            if (Care.resumesAfterCare(run)) {
                run.openControl = null;
                run.runFrom(run.after(run.currentStep()));
                return run.result();
            }
            run.askAgain();
            return run.result();
        }
        if (run.openControl != null && run.openControl.contains(TurnRun.SWITCH_MARK)) {
            String word = Words.normalize(text);
            if (parts.words().is("yes", word, run.locale())) return switchReply(run, true);
            if (parts.words().is("no", word, run.locale())) return switchReply(run, false);
            run.sayMessage("trellis.retry.confirm", Map.of());
            return run.result();
        }
        return answering.answer(run, new AnswerReader.Input(text, List.of()));
    }

    /** True while the open question takes words: a free-text question, or a probe asking for more. */
    private boolean answeringInWords(TurnRun run) {
        if (run.status != Status.ACTIVE || run.openControl == null || run.flowId == null || run.stepId == null) {
            return false;
        }
        if (run.openControl.endsWith(TurnRun.PROBE_SUFFIX)) return true;
        if (run.openControl.contains("#")) return false;
        return parts.flows().version(run.flowId, run.flowVersion).or(() -> parts.flows().current(run.flowId))
                .flatMap(f -> f.step(run.stepId))
                .map(step -> step.kind() instanceof dev.trellis.flow.StepKind.Ask ask
                        && ask.type() == dev.trellis.flow.StepKind.AnswerType.TEXT)
                .orElse(false);
    }

    private Turn clicked(TurnRun run, Event.Clicked click) {
        if (click.controlId() != null && click.controlId().startsWith(TurnRun.MENU_PREFIX)) return menuPick(run, click);
        if (!run.running() || run.openControl == null || !run.openControl.equals(click.controlId())) {
            run.notice("trellis.stale");
            return run.rejected("stale control");
        }
        run.lastActivityAt = run.now();
        if (run.openControl.endsWith(TurnRun.RESTART_SUFFIX)) return versions.restartReply(run, click);
        if (!versions.load(run)) return run.result();
        run.status = Status.ACTIVE;
        if (run.openControl.contains(TurnRun.SWITCH_MARK)) return switchReply(run, click.values().contains("yes"));
        return answering.answer(run, new AnswerReader.Input(null, click.values()));
    }

    /** A flow picked from a menu: menus stay clickable, and {@link #startOrAsk} keeps that safe. */
    private Turn menuPick(TurnRun run, Event.Clicked click) {
        Optional<Flow> flow = click.values().isEmpty() ? Optional.empty()
                : parts.flows().current(click.values().get(0));
        if (flow.isEmpty()) return menu(run, false);
        run.out.add(Answering.answered(run, click.controlId(), flow.get().title()));
        return startOrAsk(run, flow.get(), false);
    }

    /**
     * Starts {@code flow}, or, while another flow runs, asks first: a command or a menu button (perhaps an old one,
     * perhaps sent on the person's behalf, like an accepted peer invitation) never ends a conversation silently.
     * Asking for the running flow again by command starts it over; from a menu it carries on where it was.
     */
    private Turn startOrAsk(TurnRun run, Flow flow, boolean startOverSame) {
        if (!run.running() || startOverSame && flow.id().equals(run.flowId)) {
            run.start(flow, Map.of());
            return run.result();
        }
        if (!versions.load(run)) return run.result();
        run.lastActivityAt = run.now();
        run.status = Status.ACTIVE;
        if (flow.id().equals(run.flowId)) {
            run.sayMessage("trellis.menu.same", Map.of("title", run.title()));
            run.askAgain();
            return run.result();
        }
        run.openControl = run.turn + TurnRun.SWITCH_MARK + flow.id();
        run.askYesNo(run.message("trellis.menu.switch", Map.of("title", run.title(), "next", flow.title())));
        return run.result();
    }

    private Turn switchReply(TurnRun run, boolean yes) {
        String control = run.openControl;
        String next = control.substring(control.indexOf(TurnRun.SWITCH_MARK) + TurnRun.SWITCH_MARK.length());
        run.out.add(Answering.answered(run, control, run.message(yes ? "trellis.yes" : "trellis.no", Map.of())));
        Optional<Flow> flow = parts.flows().current(next);
        if (yes && flow.isPresent()) {
            String title = run.title();
            run.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
            run.start(flow.get(), Map.of());
            return run.result();
        }
        run.sayMessage("trellis.menu.carryOn", Map.of());
        run.askAgain();
        return run.result();
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
            String title = run.title();
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
            String title = run.title();
            run.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.STOPPED);
            return run.result();
        }
        if (interrupt == Words.Interrupt.MENU) return menu(run, true);
        run.lastActivityAt = run.now();
        if (!versions.load(run)) return run.result();
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
        if (whileRunning) run.sayMessage("trellis.menu.running", Map.of("title", run.title()));
        List<Outbound.Choice> choices = parts.flows().listed().stream()
                .map(f -> new Outbound.Choice(f.id(), f.title())).toList();
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CHOICE, run.message("trellis.menu.prompt", Map.of()),
                choices, false, null, null, null, null, TurnRun.MENU_PREFIX + run.turn, null));
        return run.result();
    }

}
