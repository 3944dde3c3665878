package dev.trellis.engine;

import dev.trellis.engine.ConversationState.Frame;
import dev.trellis.engine.ConversationState.Snapshot;
import dev.trellis.engine.ConversationState.Status;
import dev.trellis.flow.Flow;
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
 * One turn in progress: a working copy of the conversation state plus the messages and effects it produces, and the
 * words it says them in. {@link FlowWalk} moves it through the flow. Not thread-safe; lives for one
 * {@link Engine#apply} call.
 */
final class TurnRun {

    static final String OPTIONS_VAR = "_options";
    static final String MENU_PREFIX = "menu.";

    private final EngineParts parts;
    private final Engine.Subject subject;
    private final Instant now;
    private final PersonData personData;
    final ConversationState original;
    final FlowWalk walk;

    String flowId;
    String flowVersion;
    String stepId;
    Map<String, Object> vars;
    Status status;
    int attempts;
    List<Frame> stack;
    List<Snapshot> history;
    final long turn;
    OpenQuestion question;
    Instant wakeAt;
    Instant lastActivityAt;
    Instant startedAt;
    final ConversationState.Profile profile;
    long actions;
    final List<Inbound.Timer> timers;

    Flow flow;
    final List<Outbound> out = new ArrayList<>();
    final List<Turn.Effect> effects = new ArrayList<>();
    final List<String> visited = new ArrayList<>();
    /** Messages showing someone else's shared items, by id, and what the transcript keeps instead. */
    final Map<String, String> standIns = new java.util.LinkedHashMap<>();
    Turn.Outcome outcome = new Turn.Outcome.Advanced();
    private int messageCount;

    TurnRun(EngineParts parts, Engine.Subject subject, ConversationState state, Instant now, PersonData personData) {
        this.parts = parts;
        this.subject = subject;
        this.now = now;
        this.personData = personData;
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
        this.question = state.question();
        this.wakeAt = state.wakeAt();
        this.lastActivityAt = state.lastActivityAt();
        this.startedAt = state.startedAt();
        this.profile = state.profile();
        personData.locale(locale());
        this.actions = state.actions();
        this.timers = new ArrayList<>(state.timers());
        this.walk = new FlowWalk(this, parts);
    }

    Turn result() {
        if (!running() && question == null && !timers.isEmpty()) TimerOffers.offerNext(this, parts);
        ConversationState next = new ConversationState(flowId, flowVersion, stepId, Map.copyOf(withoutNulls(vars)),
                status, attempts, stack, history, turn, question, wakeAt, lastActivityAt, startedAt, profile, actions,
                timers);
        return new Turn(next, out, effects, outcome, visited, standIns);
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

    boolean running() {
        return status == Status.ACTIVE || status == Status.PAUSED;
    }

    /** The running (or last) flow's title, for messages about it. */
    String title() {
        if (flow != null) return titleOf(flow);
        return parts.flows().current(flowId).map(this::titleOf).orElse(flowId);
    }

    /** A flow's title in the person's locale: {@code flows.<id>.title} from the messages, else the flow file's. */
    String titleOf(Flow f) {
        List<String> translated = parts.messages().variants(locale(), "flows." + f.id() + ".title");
        return translated.isEmpty() ? f.title() : translated.get(0);
    }

    /** An action wrote to the person's data: what expressions read about the person is loaded again. */
    void personDataChanged() {
        personData.changed();
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

    /** Asks an engine yes/no question (not a flow step) and makes it the open question. */
    void askYesNo(OpenQuestion asked, String text, String yesKey, String noKey) {
        question = asked;
        out.add(Outbound.confirm(nextId(), text, message(yesKey, Map.of()), message(noKey, Map.of()),
                asked.controlId()));
    }

    /** Replaces the open question's controls with the answer given, so they cannot be clicked twice. */
    void answered(String display) {
        out.add(new Outbound(nextId(), Outbound.Kind.ANSWERED, display, List.of(), false, null, null, null, null,
                question.controlId(), null));
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
        Map<String, Object> values = extra.isEmpty() ? activation() : new Scope(extra, activation());
        return parts.templates().render(template, values, new Templates.Style(
                Locale.forLanguageTag(locale()), zone(), now));
    }

    /**
     * The variables expressions and templates see: the flow's own variables, then the person's data. A person
     * variable is read from the store only when an expression or template names it, at most once per turn, and again
     * only after an action of this turn wrote to the person's data.
     */
    Map<String, Object> activation() {
        Map<String, Object> top = new HashMap<>();
        top.put("today", today().toString());
        top.put("now", now.toString());
        // the person's timezone as this conversation knows it (the platform's, unless they chose one)
        top.put("zone", zone().getId());
        top.put("platform", platform());
        if (flow != null) top.put("flow", Map.of("id", flow.id(), "title", titleOf(flow)));
        top.putAll(withoutNulls(vars));
        return new Scope(top, personData.asMap());
    }

    String locale() {
        return profile.locale() == null ? "en" : profile.locale();
    }

    /**
     * What the platform told us about the person ({@code name}, {@code zone}), empty when it told nothing: a flow
     * may offer them ("Shall I call you Zoe?") rather than ask. UTC counts as untold: it is what a chat without a
     * zone gets, and no platform reports a person's zone as plain UTC.
     */
    private Map<String, Object> platform() {
        String name = profile.name() == null ? "" : profile.name().strip();
        String zone = "";
        try {
            if (profile.timezone() != null && !profile.timezone().isBlank()) zone = ZoneId.of(profile.timezone()).getId();
        } catch (RuntimeException e) {
            zone = "";
        }
        if (zone.equals("UTC") || zone.equals("Z") || zone.equals("Etc/UTC")) zone = "";
        return Map.of("name", name, "zone", zone);
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

    static Map<String, Object> withoutNulls(Map<String, Object> vars) {
        Map<String, Object> result = new LinkedHashMap<>();
        vars.forEach((k, v) -> {
            if (v != null) result.put(k, v);
        });
        return result;
    }
}
