package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.Step;
import dev.trellis.flow.Templates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
    private final EngineQuestions questions;
    private final Predicate<Throwable> infrastructure;

    public Engine(FlowCatalog flows, MessageBundle messages, List<ActionHandler> actions, PersonContext context,
                  Reflector reflector) {
        this(flows, messages, actions, context, reflector, failure -> false);
    }

    /**
     * @param infrastructure tells failures of the world around a turn (a store down, a lost lock) from a handler's
     *                       domain failure: those are thrown on for a retry instead of becoming an apology.
     *                       {@link InfrastructureFailure} always counts as one.
     */
    public Engine(FlowCatalog flows, MessageBundle messages, List<ActionHandler> actions, PersonContext context,
                  Reflector reflector, Predicate<Throwable> infrastructure) {
        Words words = new Words(messages);
        this.parts = new EngineParts(flows, messages, new Templates(), new ActionRunner(actions), context, reflector,
                words, new AnswerReader(words));
        this.answering = new Answering(parts);
        this.versions = new FlowVersions(parts);
        this.questions = new EngineQuestions(parts, versions);
        this.infrastructure = failure -> failure instanceof InfrastructureFailure || infrastructure.test(failure);
    }

    public Turn apply(Subject subject, ConversationState state, Event event, Instant now) {
        return apply(subject, state, event, now, personData(subject));
    }

    /** A snapshot of the person's data for applying one event, possibly several times (see {@link #apply}). */
    public PersonData personData(Subject subject) {
        return PersonData.of(parts.context(), subject);
    }

    /**
     * Applies {@code event}. {@code personData} is where this turn reads the person's data: each variable once, again
     * only after one of its actions wrote to it. A caller that applies one event several times (after a write
     * conflict) passes the same snapshot each time, so a retry reads nothing again unless an action wrote.
     *
     * @throws RuntimeException an infrastructure failure: nothing of the turn happened, apply it again later
     */
    public Turn apply(Subject subject, ConversationState state, Event event, Instant now, PersonData personData) {
        TurnRun run = new TurnRun(parts, subject, state, now, personData);
        try {
            return dispatch(run, event);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof ActionRunner.ActionFailure ? e.getCause() : e;
            if (isInfrastructure(cause)) {
                throw cause instanceof RuntimeException r ? r : new InfrastructureFailure("action failed", cause);
            }
            TurnRun apology = new TurnRun(parts, subject, state, now, personData);
            apology.sayMessage("trellis.error.step", Map.of());
            String action = e instanceof ActionRunner.ActionFailure f ? f.action : null;
            apology.effects.add(new Turn.Effect.StepFailed(run.flowId, run.stepId, action, Redacted.of(cause)));
            return apology.rejected(action != null ? "action failed" : "step failed");
        }
    }

    private boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (infrastructure.test(t)) return true;
        }
        return false;
    }

    private Turn dispatch(TurnRun run, Event event) {
        if (event instanceof Event.Command c) return command(run, c.args() == null ? "" : c.args());
        if (event instanceof Event.Said s) return said(run, s.text() == null ? "" : s.text());
        if (event instanceof Event.Clicked c) return clicked(run, c);
        if (event instanceof Event.TimerFired t) return timer(run, t.timer());
        if (event instanceof Event.Tick) return tick(run);
        throw new IllegalStateException("unhandled event " + event.getClass().getName());
    }

    // ---------------------------------------------------------------- events

    private Turn command(TurnRun run, String args) {
        String word = Words.normalize(args);
        Words.Interrupt interrupt = parts.words().interrupt(word.isEmpty() ? "menu" : word, run.locale());
        if (interrupt != null) return interrupt(run, interrupt);
        Optional<Flow> flow = parts.flows().current(word);
        if (flow.isPresent()) return questions.startOrAsk(run, flow.get(), true);
        run.sayMessage("trellis.unknownFlow", Map.of("name", word));
        return menu(run, false);
    }

    private Turn said(TurnRun run, String text) {
        // "later", "end" or "previous" typed as the answer to an open question are the answer: only the exact
        // command words interrupt it
        Words.Interrupt interrupt = parts.words().interrupt(text, run.locale(), answeringInWords(run));
        if (interrupt != null && !offersButton(run, text)) return interrupt(run, interrupt);
        AnswerReader.Input input = new AnswerReader.Input(text, List.of());
        // questions about no flow, or about one that cannot continue: a yes or no is taken before anything else
        if (run.question instanceof OpenQuestion.TimerOffer || run.question instanceof OpenQuestion.Restart) {
            Boolean yes = questions.yesOrNo(run, input);
            if (yes != null) return questions.answer(run, yes);
        }
        if (!run.running()) {
            Optional<Flow> typed = parts.flows().current(Words.normalize(text));
            if (typed.isPresent()) {
                run.walk.start(typed.get(), Map.of());
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
            if (run.question instanceof OpenQuestion.Care) {
                run.question = null;
                run.walk.runFrom(run.walk.after(run.walk.currentStep()));
                return run.result();
            }
            run.walk.askAgain();
            return run.result();
        }
        return reply(run, input);
    }

    /** True when the open question has a button labelled {@code typed}: typing "Later" under a *Later* button picks it. */
    private boolean offersButton(TurnRun run, String typed) {
        if (!(run.question instanceof OpenQuestion.Step) || run.status != Status.ACTIVE) return false;
        List<String> labels = new java.util.ArrayList<>();
        Questions.offeredChoices(run).forEach(c -> labels.add(c.label()));
        dev.trellis.flow.StepKind kind = parts.flows().version(run.flowId, run.flowVersion)
                .or(() -> parts.flows().current(run.flowId)).flatMap(f -> f.step(run.stepId))
                .map(dev.trellis.flow.Step::kind).orElse(null);
        if (kind instanceof dev.trellis.flow.StepKind.Share share) kind = share.asConfirm();
        if (kind instanceof dev.trellis.flow.StepKind.Confirm confirm) {
            labels.add(Questions.yesLabel(run, confirm));
            labels.add(Questions.noLabel(run, confirm));
        }
        String words = Words.normalize(typed);
        return labels.stream().anyMatch(label -> Words.normalize(label).equals(words));
    }

    /** True while the open question takes words: a free-text question, or a probe asking for more. */
    private boolean answeringInWords(TurnRun run) {
        if (run.status != Status.ACTIVE || run.question == null || run.flowId == null || run.stepId == null) {
            return false;
        }
        if (run.question instanceof OpenQuestion.Probe) return true;
        if (!(run.question instanceof OpenQuestion.Step)) return false;
        return parts.flows().version(run.flowId, run.flowVersion).or(() -> parts.flows().current(run.flowId))
                .flatMap(f -> f.step(run.stepId))
                .map(step -> step.kind() instanceof dev.trellis.flow.StepKind.Ask ask
                        && ask.type() == dev.trellis.flow.StepKind.AnswerType.TEXT)
                .orElse(false);
    }

    private Turn clicked(TurnRun run, Event.Clicked click) {
        if (click.controlId() != null && click.controlId().startsWith(TurnRun.MENU_PREFIX)) return menuPick(run, click);
        if (run.question == null || !run.question.controlId().equals(click.controlId())) {
            run.notice("trellis.stale");
            return run.rejected("stale control");
        }
        run.lastActivityAt = run.now();
        AnswerReader.Input input = new AnswerReader.Input(null, click.values());
        if (run.question instanceof OpenQuestion.TimerOffer || run.question instanceof OpenQuestion.Restart) {
            return reply(run, input);
        }
        if (!versions.load(run)) return run.result();
        run.status = Status.ACTIVE;
        return reply(run, input);
    }

    /** An answer to the open question, whichever kind it is. */
    private Turn reply(TurnRun run, AnswerReader.Input input) {
        OpenQuestion open = run.question;
        if (open == null || open instanceof OpenQuestion.Step || open instanceof OpenQuestion.Probe
                || open instanceof OpenQuestion.ReflectConfirm || open instanceof OpenQuestion.Care) {
            if (open == null) run.question = new OpenQuestion.Step(run.turn + "." + run.stepId);
            return answering.answer(run, input);
        }
        if (open instanceof OpenQuestion.FlowSwitch || open instanceof OpenQuestion.Restart
                || open instanceof OpenQuestion.TimerOffer) {
            Boolean yes = questions.yesOrNo(run, input);
            if (yes != null) return questions.answer(run, yes);
            if (input.clicked()) {
                run.notice("trellis.stale");
                return run.rejected("unknown reply");
            }
            run.sayMessage("trellis.retry.confirm", Map.of());
            return run.result();
        }
        throw new IllegalStateException("unhandled open question " + open.getClass().getName());
    }

    /** A flow picked from a menu: menus stay clickable, and {@link EngineQuestions#startOrAsk} keeps that safe. */
    private Turn menuPick(TurnRun run, Event.Clicked click) {
        Optional<Flow> flow = click.values().isEmpty() ? Optional.empty()
                : parts.flows().current(click.values().get(0));
        if (flow.isEmpty()) return menu(run, false);
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.ANSWERED, run.titleOf(flow.get()), List.of(), false, null,
                null, null, null, click.controlId(), null));
        return questions.startOrAsk(run, flow.get(), false);
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
            run.walk.end(Status.ABANDONED);
            run.sayMessage("trellis.abandoned", Map.of("title", title));
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.ABANDONED);
            return run.result();
        }
        run.flow = flow;
        Step step = run.walk.currentStep();
        if (run.status == Status.ACTIVE && step.timeout() != null && run.question != null) {
            run.attempts = 0;
            run.vars.remove(TurnRun.OPTIONS_VAR);
            run.walk.runFrom(step.timeout().target());
        } else {
            run.wakeAt = idleDeadline;
        }
        return run.result();
    }

    /** A timer starts its flow when none runs; otherwise it waits in the conversation for the running one to end. */
    private Turn timer(TurnRun run, Inbound.Timer timer) {
        Optional<Flow> flow = parts.flows().current(timer.flowId());
        if (flow.isEmpty()) return run.rejected("unknown flow " + timer.flowId());
        if (run.running()) {
            TimerOffers.keep(run, timer);
            return run.result();
        }
        run.walk.start(flow.get(), timer.vars(), timer.stepId());
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
            run.walk.end(Status.STOPPED);
            run.sayMessage("trellis.stopped", Map.of("title", title));
            run.outcome = new Turn.Outcome.Finished(run.flowId, Status.STOPPED);
            return run.result();
        }
        if (interrupt == Words.Interrupt.MENU) return menu(run, true);
        run.lastActivityAt = run.now();
        if (!versions.load(run)) return run.result();
        switch (interrupt) {
            case HELP -> {
                run.sayMessage("trellis.help.running", Map.of("title", run.title()));
                run.status = Status.ACTIVE;
                run.walk.askAgain();
            }
            case PAUSE -> {
                run.status = Status.PAUSED;
                run.wakeAt = run.lastActivityAt.plus(run.flow.idleLimit());
                run.sayMessage("trellis.paused", Map.of());
            }
            case BACK -> run.walk.back();
            default -> throw new IllegalStateException("unhandled interrupt " + interrupt);
        }
        return run.result();
    }

    private Turn menu(TurnRun run, boolean whileRunning) {
        if (whileRunning) run.sayMessage("trellis.menu.running", Map.of("title", run.title()));
        List<Flow> listed = parts.flows().listed();
        // someone this conversation has never run a flow with sees the welcome flow first; everyone else the usual order
        Optional<Flow> welcome = run.flowId == null ? listed.stream().filter(Flow::welcome).findFirst() : Optional.empty();
        List<Flow> ordered = new ArrayList<>(listed);
        welcome.ifPresent(w -> {
            ordered.remove(w);
            ordered.add(0, w);
        });
        List<Outbound.Choice> choices = ordered.stream().map(f -> new Outbound.Choice(f.id(), run.titleOf(f))).toList();
        String prompt = welcome.map(w -> run.message("trellis.menu.first", Map.of("title", run.titleOf(w))))
                .orElseGet(() -> run.message("trellis.menu.prompt", Map.of()));
        run.out.add(new Outbound(run.nextId(), Outbound.Kind.CHOICE, prompt,
                choices, false, null, null, null, null, TurnRun.MENU_PREFIX + run.turn, null));
        return run.result();
    }

}
