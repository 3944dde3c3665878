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
import dev.trellis.flow.Text;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One turn in progress: a working copy of the conversation state plus the messages and effects it produces.
 * Walks the flow from step to step until it reaches a question or the end. Not thread-safe; lives for one
 * {@link Engine#apply} call.
 */
final class TurnRun {

    /** A flow that keeps running without asking anything is broken; stop it rather than spin. */
    private static final int MAX_STEPS_PER_TURN = 200;
    private static final int MAX_HISTORY = 30;
    static final String OPTIONS_VAR = "_options";
    /* Marks of the engine's own questions; '#' cannot appear in a step id, so no step is mistaken for one. */
    static final String REFLECT_SUFFIX = "#reflect";
    static final String PROBE_SUFFIX = "#probe";
    static final String CARE_SUFFIX = "#care";
    static final String SWITCH_MARK = "#switch:";
    static final String RESTART_SUFFIX = "#restart";
    static final String MENU_PREFIX = "menu.";

    private final EngineParts parts;
    private final Engine.Subject subject;
    private final Instant now;
    final ConversationState original;

    String flowId;
    String flowVersion;
    String stepId;
    Map<String, Object> vars;
    Status status;
    int attempts;
    List<Frame> stack;
    List<Snapshot> history;
    final long turn;
    String openControl;
    Instant wakeAt;
    Instant lastActivityAt;
    Instant startedAt;
    final ConversationState.Profile profile;

    Flow flow;
    final List<Outbound> out = new ArrayList<>();
    final List<Turn.Effect> effects = new ArrayList<>();
    final List<String> visited = new ArrayList<>();
    Turn.Outcome outcome = new Turn.Outcome.Advanced();
    private Map<String, Object> context;
    private int messageCount;

    TurnRun(EngineParts parts, Engine.Subject subject, ConversationState state, Instant now) {
        this.parts = parts;
        this.subject = subject;
        this.now = now;
        this.original = state;
        this.flowId = state.flowId();
        this.flowVersion = state.flowVersion();
        this.stepId = state.stepId();
        this.vars = new LinkedHashMap<>(state.vars());
        this.status = state.status();
        this.attempts = state.attempts();
        this.stack = new ArrayList<>(state.stack());
        this.history = new ArrayList<>(state.history());
        this.turn = state.turn() + 1;
        this.openControl = state.openControl();
        this.wakeAt = state.wakeAt();
        this.lastActivityAt = state.lastActivityAt();
        this.startedAt = state.startedAt();
        this.profile = state.profile();
    }

    Turn result() {
        ConversationState next = new ConversationState(flowId, flowVersion, stepId, Map.copyOf(withoutNulls(vars)),
                status, attempts, stack, history, turn, openControl, wakeAt, lastActivityAt, startedAt, profile);
        return new Turn(next, out, effects, outcome, visited);
    }

    /**
     * The turn changes nothing but says something (a stale click, a failed action). The turn counter stays, so its
     * messages get ids of their own (by the clock) instead of the ones the next real turn will use.
     */
    Turn rejected(String reason) {
        List<Outbound> notes = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Outbound m = out.get(i);
            notes.add(new Outbound(subject.conversationId() + ":" + original.turn() + ":note-" + now.toEpochMilli()
                    + "-" + (i + 1), m.kind(), m.text(), m.choices(), m.multiple(), m.min(), m.max(), m.minLabel(),
                    m.maxLabel(), m.controlId(), m.imageId()));
        }
        return new Turn(original, notes, effects, new Turn.Outcome.Rejected(reason), visited);
    }

    // ---------------------------------------------------------------- starting, walking and finishing flows

    void start(Flow target, Map<String, Object> params) {
        if (running()) end(Status.STOPPED);
        flow = target;
        flowId = target.id();
        flowVersion = target.version();
        vars = withParams(target, params == null ? Map.of() : params);
        status = Status.ACTIVE;
        attempts = 0;
        stack.clear();
        history.clear();
        startedAt = now;
        lastActivityAt = now;
        effects.add(new Turn.Effect.FlowStarted(flowId, flowVersion));
        runFrom(target.start());
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
                throw new IllegalStateException("flow '" + flowId + "' ran " + MAX_STEPS_PER_TURN
                        + " steps without asking anything (last step '" + next + "')");
            }
            String id = next;
            Step step = flow.step(id).orElseThrow(() -> new IllegalStateException(
                    "flow '" + flowId + "' has no step '" + id + "'"));
            stepId = step.id();
            openControl = null;
            visited.add(flowId + "/" + step.id());
            next = walk(step);
        }
    }

    /** Does one step; returns the id of the step to do next, or null when the walk stops. */
    private String walk(Step step) {
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Say say) {
            sayText(say.text(), Map.of());
            return after(step);
        }
        if (kind instanceof StepKind.SetVars set) {
            set.values().forEach((name, expr) -> vars.put(name, expr.evaluate(activation())));
            return after(step);
        }
        if (kind instanceof StepKind.Action action) {
            Map<String, Object> result = parts.actions().run(this, step, action);
            if (step.save() != null) vars.put(step.save(), result);
            if (result.get("imageId") instanceof String imageId) {
                out.add(new Outbound(nextId(), Outbound.Kind.IMAGE, Templates.plain(result.get("imageAlt")),
                        List.of(), false, null, null, null, null, null, imageId));
            }
            context = null; // the action may have changed what the person's data says
            return after(step);
        }
        if (kind instanceof StepKind.Call call) return enterSubFlow(step, call);
        if (kind instanceof StepKind.Schedule schedule) {
            effects.add(Timers.set(schedule, flowId, activation(), now, zone()));
            return after(step);
        }
        if (kind instanceof StepKind.Unschedule unschedule) {
            effects.add(new Turn.Effect.TimerCancelled(unschedule.name()));
            return after(step);
        }
        if (kind instanceof StepKind.End end) {
            if (end.text() != null) sayText(end.text(), Map.of());
            return finish();
        }
        return ask(step);
    }

    private String enterSubFlow(Step step, StepKind.Call call) {
        Flow sub = parts.flows().current(call.flow()).orElseThrow(() -> new IllegalStateException(
                "flow '" + flowId + "' calls unknown flow '" + call.flow() + "'"));
        Map<String, Object> params = new LinkedHashMap<>();
        call.with().forEach((name, expr) -> params.put(name, expr.evaluate(activation())));
        stack.add(new Frame(flowId, flowVersion, step.id(), Map.copyOf(withoutNulls(vars))));
        flow = sub;
        flowId = sub.id();
        flowVersion = sub.version();
        vars = withParams(sub, params);
        history.clear();
        return sub.start();
    }

    /** The step after {@code step}: the first branch that holds, else the next in the file; null = flow ends. */
    String after(Step step) {
        if (step.end()) return finish();
        for (Branch branch : step.next()) {
            if (branch.when() == null || branch.when().test(activation())) return branch.target();
        }
        return flow.following(step.id()).map(Step::id).orElseGet(this::finish);
    }

    /** Ends the running flow or sub-flow; returns the caller's next step, or null when the conversation is done. */
    String finish() {
        if (stack.isEmpty()) {
            end(Status.FINISHED);
            outcome = new Turn.Outcome.Finished(flowId, Status.FINISHED);
            return null;
        }
        Frame caller = stack.remove(stack.size() - 1);
        Map<String, Object> result = publicVars(vars);
        flow = parts.flowAt(caller.flowId(), caller.flowVersion());
        flowId = caller.flowId();
        flowVersion = caller.flowVersion();
        vars = new LinkedHashMap<>(caller.vars());
        history.clear();
        Step callStep = flow.step(caller.stepId()).orElseThrow();
        if (callStep.save() != null) vars.put(callStep.save(), result);
        stepId = callStep.id();
        return after(callStep);
    }

    void end(Status how) {
        effects.add(new Turn.Effect.FlowEnded(flowId, how, stepId));
        status = how;
        stepId = null;
        openControl = null;
        wakeAt = null;
        attempts = 0;
        stack.clear();
        history.clear();
        vars.remove(OPTIONS_VAR);
    }

    /** The running (or last) flow's title, for messages about it. */
    String title() {
        if (flow != null) return flow.title();
        return parts.flows().current(flowId).map(Flow::title).orElse(flowId);
    }

    boolean running() {
        return status == Status.ACTIVE || status == Status.PAUSED;
    }

    // ---------------------------------------------------------------- questions

    /** Asks a question step with a fresh control id; returns null (the walk stops here). */
    String ask(Step step) {
        stepId = step.id();
        openControl = turn + "." + step.id();
        out.add(Questions.question(this, step, openControl));
        wakeAt = wakeFor(step);
        return null;
    }

    /** Asks the open question again, with the same control id so its controls stay valid. */
    void askAgain() {
        Step step = currentStep();
        // a reflection, probe or switch question was open: the step's own question takes its place again
        if (openControl == null || !openControl.endsWith("." + step.id())) openControl = turn + "." + step.id();
        out.add(Questions.question(this, step, openControl));
    }

    Step currentStep() {
        return flow.step(stepId).orElseThrow(() -> new IllegalStateException(
                "flow '" + flowId + "' has no step '" + stepId + "'"));
    }

    private Instant wakeFor(Step step) {
        Instant idle = (lastActivityAt == null ? now : lastActivityAt).plus(flow.idleLimit());
        if (step.timeout() == null) return idle;
        Instant due = now.plus(step.timeout().after());
        return due.isBefore(idle) ? due : idle;
    }

    Retry retryOf(Step step) {
        Retry r = null;
        if (step.kind() instanceof StepKind.Ask a) r = a.retry();
        if (step.kind() instanceof StepKind.Choice c) r = c.retry();
        if (step.kind() instanceof StepKind.Scale s) r = s.retry();
        return r == null ? Retry.DEFAULT : r;
    }

    void rememberForBack() {
        Map<String, Object> before = new LinkedHashMap<>(withoutNulls(vars));
        history.add(new Snapshot(stepId, Map.copyOf(before)));
        if (history.size() > MAX_HISTORY) history.remove(0);
    }

    // ---------------------------------------------------------------- words

    String nextId() {
        return subject.conversationId() + ":" + turn + ":" + (++messageCount);
    }

    void say(String rendered) {
        out.add(Outbound.text(nextId(), rendered));
    }

    void sayText(Text text, Map<String, Object> extra) {
        say(text(text, extra));
    }

    void sayMessage(String key, Map<String, Object> extra) {
        say(message(key, extra));
    }

    /** The engine's own yes/no question (not a flow step), under the open control. */
    void askYesNo(String text) {
        out.add(Outbound.confirm(nextId(), text, message("trellis.yes", Map.of()), message("trellis.no", Map.of()),
                openControl));
    }

    void notice(String key) {
        out.add(new Outbound(nextId(), Outbound.Kind.NOTICE, message(key, Map.of()), List.of(), false, null, null,
                null, null, null, null));
    }

    String text(Text text, Map<String, Object> extra) {
        if (text == null) return "";
        String template = text.isMessage() ? pick(text.messageKey()) : text.template();
        return render(template, extra);
    }

    String message(String key, Map<String, Object> extra) {
        return render(pick(key), extra);
    }

    String optionalText(Text text) {
        return text == null ? null : text(text, Map.of());
    }

    List<String> variants(String key) {
        return parts.messages().variants(locale(), key);
    }

    LocalDate readDate(String words) {
        return parts.reader().parseDate(words.toLowerCase(Locale.ROOT), today(), locale());
    }

    /** One variant of a message; varies with the person and the turn so repeated questions don't sound canned. */
    private String pick(String key) {
        List<String> variants = parts.messages().variants(locale(), key);
        if (variants.isEmpty()) return key;
        int index = Math.floorMod(Objects.hash(subject.personId(), key, turn), variants.size());
        return variants.get(index);
    }

    private String render(String template, Map<String, Object> extra) {
        Map<String, Object> values = new HashMap<>(activation());
        values.putAll(extra);
        return parts.templates().render(template, values, new Templates.Style(
                Locale.forLanguageTag(locale()), zone(), now));
    }

    /** The variables expressions and templates see: the person's data, then the flow's own variables. */
    Map<String, Object> activation() {
        if (context == null) {
            context = new HashMap<>(parts.context().load(subject.channel(), subject.personId()));
            context.put("today", today().toString());
            context.put("now", now.toString());
            if (flow != null) context.put("flow", Map.of("id", flow.id(), "title", flow.title()));
        }
        Map<String, Object> all = new HashMap<>(context);
        all.putAll(withoutNulls(vars));
        return all;
    }

    String locale() {
        return profile.locale() == null ? "en" : profile.locale();
    }

    ZoneId zone() {
        try {
            return profile.timezone() == null ? ZoneId.of("UTC") : ZoneId.of(profile.timezone());
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    LocalDate today() {
        return now.atZone(zone()).toLocalDate();
    }

    Instant now() {
        return now;
    }

    Engine.Subject subject() {
        return subject;
    }

    static Map<String, Object> publicVars(Map<String, Object> vars) {
        Map<String, Object> result = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (!k.startsWith("_") && v != null) result.put(k, v);
        });
        return result;
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> vars) {
        Map<String, Object> result = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (v != null) result.put(k, v);
        });
        return result;
    }
}
