package dev.trellis.flow;

import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks beyond the schema: step references, reachability, variables read before they are saved, actions,
 * sub-flows, message keys, an end, and the id matching the file name. Every problem is reported, not the first.
 */
final class FlowChecks {

    private static final Pattern TEMPLATE_ROOT = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final ParsedFlow parsed;
    private final Flow flow;
    private final Set<String> flowIds;
    private final Map<String, List<String>> paramsByFlow;
    private final FlowRules rules;
    private final MessageBundle messages;
    private final List<FlowError> errors;
    private final Map<String, Step> steps = new HashMap<>();
    private boolean unknownTargets;
    static final int MAX_CONFIRMATIONS = 2;

    /**
     * {@code flowIds} are the flows a {@code call} may name; {@code paramsByFlow} the params of those whose
     * params are known (the ones loaded together), so {@code with} can be checked against them.
     */
    FlowChecks(ParsedFlow parsed, Set<String> flowIds, Map<String, List<String>> paramsByFlow, FlowRules rules,
               MessageBundle messages, List<FlowError> errors) {
        this.parsed = parsed;
        this.flow = parsed.flow();
        this.flowIds = flowIds;
        this.paramsByFlow = paramsByFlow;
        this.rules = rules;
        this.messages = messages;
        this.errors = errors;
    }

    void run() {
        checkIdMatchesFile();
        checkDuplicateIds();
        checkTargets();
        checkEnds();
        checkActionsCallsAndMessages();
        checkConfirmations();
        checkTimerDates();
        if (flow.start() == null || !steps.containsKey(flow.start())) return;
        StepGraph graph = new StepGraph(flow, steps);
        Set<String> reachable = new java.util.LinkedHashSet<>(graph.reachableFrom(flow.start()));
        // a step this flow's own timers resume at is an entry too
        for (String entry : resumeEntries().keySet()) reachable.addAll(graph.reachableFrom(entry));
        for (Step step : flow.steps()) {
            // a misspelt target usually is why a step looks unreachable; that error says enough
            if (!unknownTargets && !reachable.contains(step.id()) && steps.get(step.id()) == step) {
                error(step.position(), "step '" + step.id() + "' is unreachable from start '" + flow.start() + "'");
            }
        }
        checkVariables(graph, reachable);
    }

    /**
     * A yes/no check after every answer makes a conversation feel like a form: a flow confirms at most
     * {@value #MAX_CONFIRMATIONS} answers and acknowledges the rest.
     */
    private void checkConfirmations() {
        List<Step> confirming = flow.steps().stream()
                .filter(s -> s.kind() instanceof StepKind.Ask a && a.reflect() == StepKind.Reflect.CONFIRM).toList();
        if (confirming.size() > MAX_CONFIRMATIONS) {
            Step third = confirming.get(MAX_CONFIRMATIONS);
            error(third.position(), "step '" + third.id() + "' is one of "
                    + confirming.size() + " answers with 'reflect: confirm'; a flow confirms at most "
                    + MAX_CONFIRMATIONS + " (use 'reflect: acknowledge' for the others)");
        }
    }

    private void checkIdMatchesFile() {
        String name = Path.of(flow.file()).getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (flow.id() != null && !flow.id().equals(name)) {
            error(parsed.idPosition(), "flow id '" + flow.id() + "' does not match the file name '" + name + "'");
        }
    }

    private void checkDuplicateIds() {
        for (Step step : flow.steps()) {
            Step first = steps.putIfAbsent(step.id(), step);
            if (first != null) {
                error(step.position(), "duplicate step id '" + step.id() + "' (first at line " + first.position().line() + ")");
            }
        }
    }

    private void checkTargets() {
        if (flow.start() != null) target(flow.start(), "start", parsed.startPosition());
        parsed.migrationTargets().forEach((from, at) -> target(flow.migrations().get(from), "migrations", at));
        for (Step step : flow.steps()) {
            step.next().forEach(b -> target(b.target(), "goto", b.position()));
            if (step.timeout() != null) target(step.timeout().target(), "timeout.goto", step.timeout().position());
            Retry retry = StepGraph.retry(step);
            if (retry != null && retry.then() != null) target(retry.then(), "retry.then", retry.position());
            if (step.kind() instanceof StepKind.Confirm c && c.ownWords() != null) ownWords(step, c);
            if (step.end() && !step.next().isEmpty()) {
                error(step.next().get(0).position(), "step '" + step.id() + "' has both 'next' and 'end: true'");
            }
        }
    }

    /** Own words need a question that takes free text: a choice or a number could not hold "ship the API docs". */
    private void ownWords(Step step, StepKind.Confirm confirm) {
        target(confirm.ownWords(), "ownWords", confirm.ownWordsPosition());
        Step asked = steps.get(confirm.ownWords());
        if (asked != null && !(asked.kind() instanceof StepKind.Ask a && a.type() == StepKind.AnswerType.TEXT)) {
            error(confirm.ownWordsPosition(), "ownWords in step '" + step.id() + "' names step '" + asked.id()
                    + "', which does not ask for text (ownWords needs an ask step without a type)");
        }
    }

    /**
     * A timer set at a date the person typed must never meet a date in the past: it would be refused without a word
     * after the flow promised "I'll ask you that day". So the date question that feeds it re-asks for a past date.
     */
    private void checkTimerDates() {
        for (Step step : flow.steps()) {
            if (!(step.kind() instanceof StepKind.Schedule t) || t.at() == null) continue;
            String variable = t.at().source().strip();
            for (Step asked : flow.steps()) {
                if (variable.equals(asked.save()) && asked.kind() instanceof StepKind.Ask a
                        && a.type() == StepKind.AnswerType.DATE && (a.validate() == null || !a.validate().notInPast())) {
                    error(t.at().position(), "schedule in step '" + step.id() + "' is set at '" + variable
                            + "', which step '" + asked.id() + "' lets be a date in the past; add validate: "
                            + "{ notInPast: true } there so the person is asked again");
                }
            }
        }
    }

    private void target(String id, String where, Position at) {
        if (id != null && !steps.containsKey(id)) {
            unknownTargets = true;
            error(at, "unknown step '" + id + "' in " + where + Suggestions.didYouMean(id, steps.keySet()));
        }
    }

    private void checkEnds() {
        boolean ends = flow.steps().stream().anyMatch(s -> s.end() || s.kind() instanceof StepKind.End);
        if (!ends && !flow.steps().isEmpty()) {
            error(parsed.idPosition(), "flow '" + flow.id() + "' has no end: add an 'end' step or 'end: true' to a step");
        }
    }

    private void checkActionsCallsAndMessages() {
        for (Step step : flow.steps()) {
            if (step.kind() instanceof StepKind.Action a && a.name() != null && !rules.actions().contains(a.name())) {
                error(a.namePosition(), "unknown action '" + a.name() + "'" + Suggestions.didYouMean(a.name(), rules.actions()));
            }
            if (step.kind() instanceof StepKind.Call c && c.flow() != null) {
                if (!flowIds.contains(c.flow())) {
                    error(c.flowPosition(), "unknown flow '" + c.flow() + "' in call" + Suggestions.didYouMean(c.flow(), flowIds));
                } else if (paramsByFlow.containsKey(c.flow())) {
                    List<String> params = paramsByFlow.get(c.flow());
                    c.with().forEach((name, expr) -> {
                        if (!params.contains(name)) {
                            error(expr.position(), "flow '" + c.flow() + "' has no param '" + name + "'"
                                    + Suggestions.didYouMean(name, params));
                        }
                    });
                }
            }
            if (step.kind() instanceof StepKind.Schedule t && t.flow() != null && !flowIds.contains(t.flow())) {
                error(t.flowPosition(), "unknown flow '" + t.flow() + "' in schedule"
                        + Suggestions.didYouMean(t.flow(), flowIds));
            }
            if (step.kind() instanceof StepKind.Schedule t && t.step() != null && (t.flow() == null
                    || t.flow().equals(flow.id())) && flow.steps().stream().noneMatch(s -> s.id().equals(t.step()))) {
                error(t.flowPosition(), "unknown step '" + t.step() + "' in schedule");
            }
            for (Text text : StepGraph.texts(step)) {
                if (text.isMessage() && !messages.has(text.messageKey())) {
                    error(text.position(), "unknown message key '" + text.messageKey() + "'");
                }
            }
        }
    }

    /**
     * A variable may be read at a step only when every path from the start to that step saves it. Params and
     * context variables are always there. An invalid answer (retry) or a timeout leaves without saving.
     */
    private void checkVariables(StepGraph graph, Set<String> reachable) {
        Set<String> always = new HashSet<>(flow.params());
        always.addAll(rules.contextVariables());
        Set<String> known = new LinkedHashSet<>(parsed.expressions().variableNames());
        Map<String, Set<String>> entries = new java.util.LinkedHashMap<>(resumeEntries());
        entries.put(flow.start(), Set.of());
        Map<String, Set<String>> definedAt = graph.definedBefore(entries, reachable);
        for (Step step : flow.steps()) {
            Set<String> before = definedAt.get(step.id());
            if (before == null || steps.get(step.id()) != step) continue;
            Set<String> defined = new HashSet<>(before);
            defined.addAll(always);
            Set<String> shown = new HashSet<>(defined);
            Set<String> knownHere = new LinkedHashSet<>(known);
            if (step.kind() instanceof StepKind.Ask) {
                // a validation message may quote the answer it refuses
                shown.add("answer");
                knownHere.add("answer");
            }
            for (Text text : StepGraph.texts(step)) checkTemplate(step, text, shown, knownHere);
            for (Expr expr : StepGraph.bodyExpressions(step)) checkReads(step, expr, defined);
            Set<String> after = new HashSet<>(defined);
            after.addAll(StepGraph.saves(step));
            for (Branch branch : step.next()) {
                if (branch.when() != null) checkReads(step, branch.when(), after);
            }
        }
    }

    /** Steps of this flow its own {@code schedule} steps resume at, with the variables the timer starts them with. */
    private Map<String, Set<String>> resumeEntries() {
        Map<String, Set<String>> entries = new java.util.LinkedHashMap<>();
        for (Step step : flow.steps()) {
            if (step.kind() instanceof StepKind.Schedule t && t.step() != null && steps.containsKey(t.step())
                    && (t.flow() == null || t.flow().equals(flow.id()))) {
                entries.computeIfAbsent(t.step(), k -> new HashSet<>()).addAll(t.with().keySet());
            }
        }
        return entries;
    }

    private void checkReads(Step step, Expr expr, Set<String> defined) {
        for (String name : parsed.expressions().reads(expr)) {
            if (!defined.contains(name)) {
                Node node = parsed.expressions().node(expr);
                error(at(node, expr.source(), name, expr.position()), notYetSaved(name, step));
            }
        }
    }

    private void checkTemplate(Step step, Text text, Set<String> defined, Set<String> known) {
        if (text.template() == null) return;
        Node node = parsed.textNodes().get(text);
        for (String filter : Templates.filters(text.template())) {
            if (!Templates.FILTERS.contains(filter)) {
                error(at(node, text.template(), filter, text.position()), "unknown filter '" + filter + "' in text of step '"
                        + step.id() + "'" + Suggestions.didYouMean(filter, Templates.FILTERS));
            }
        }
        Matcher m = TEMPLATE_ROOT.matcher(text.template());
        while (m.find()) {
            String name = m.group(1);
            Position at = node == null ? text.position() : parsed.document().at(node, 1, m.start(1) + 1);
            if (!known.contains(name)) {
                error(at, "undefined variable '" + name + "' in text of step '" + step.id() + "'"
                        + Suggestions.didYouMean(name, known));
            } else if (!defined.contains(name)) {
                error(at, notYetSaved(name, step));
            }
        }
    }

    private static String notYetSaved(String name, Step step) {
        return "variable '" + name + "' is used in step '" + step.id() + "' before it is saved on every path to it";
    }

    private Position at(Node node, String source, String name, Position fallback) {
        if (node == null) return fallback;
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(source);
        return m.find() ? parsed.document().at(node, 1, m.start() + 1) : fallback;
    }

    private void error(Position at, String message) {
        errors.add(new FlowError(at, message));
    }
}
