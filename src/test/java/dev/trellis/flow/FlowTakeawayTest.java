package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coaching conversation ends with what the person takes from it, in their own words, not with the bot's summary:
 * every coaching flow asks for the takeaway (an open question, in English and German) as its last open question, and
 * that answer is said back in the recap or the closing line. Only a yes/no or a pick (a reminder, a share) may come
 * after it; no open question, no rating and no nested flow. The flows that do not coach are listed with the reason.
 */
class FlowTakeawayTest {

    /** Flows that are not a coaching conversation of their own, and why a takeaway would not fit them. */
    private static final Map<String, String> NOT_COACHING = Map.ofEntries(
            Map.entry("smart-goal", "shapes a goal, often as the last part of another coaching flow (goal-checkin, "
                    + "pinnacles-foothills, onboarding) that asks the takeaway after it; its end is the goal itself"),
            Map.entry("onboarding", "introduces Trellis and sets up name, timezone and hopes"),
            Map.entry("session-feedback", "rates a finished session"),
            Map.entry("recognition", "records thanks for a colleague"),
            Map.entry("one-on-one-prep", "collects talking points; what to take away comes out of the 1:1 itself"),
            Map.entry("one-on-one-actions", "records the actions agreed in a 1:1"),
            Map.entry("manager-nudge", "a manager's brief before a 1:1 and the record of what was agreed"),
            Map.entry("manager", "sets who the person's manager is"),
            Map.entry("link", "links a chat account to the person"),
            Map.entry("reminders", "lists and changes reminders"),
            Map.entry("export", "exports the person's data"),
            Map.entry("privacy", "shows and withdraws what is shared"),
            Map.entry("delete-my-data", "erases the person's data"));
    private static final Map<String, Pattern> TAKEAWAY = Map.of(
            "en", Pattern.compile("(?i)take away|takeaway"),
            "de", Pattern.compile("(?i)mitnimmst|mitnehmen|nimmst du .*mit"));

    private final YamlMessageBundle messages = YamlMessageBundle.load(Path.of("conversation-flows", "messages"));

    @Test
    void everyCoachingFlowEndsWithThePersonsOwnTakeawayAndSaysItBack() throws IOException {
        Map<String, Flow> flows = FlowLengthTest.shippedFlows();
        assertThat(flows.keySet()).containsAll(NOT_COACHING.keySet());
        List<String> problems = new ArrayList<>();
        for (String id : new TreeSet<>(flows.keySet())) {
            if (NOT_COACHING.containsKey(id)) continue;
            Flow flow = flows.get(id);
            StepGraph graph = new StepGraph(flow, flow.stepsById());
            List<Step> takeaways = flow.steps().stream().filter(this::asksForTakeaway).toList();
            if (takeaways.isEmpty()) {
                problems.add(id + ": never asks for the person's takeaway (in en and de)");
                continue;
            }
            for (Step takeaway : takeaways) {
                Set<String> after = reachableAfter(graph, takeaway.id());
                for (String later : after) {
                    StepKind kind = flow.step(later).orElseThrow().kind();
                    if (kind instanceof StepKind.Ask || kind instanceof StepKind.Scale || kind instanceof StepKind.Call) {
                        problems.add(id + ": '" + later + "' asks more after the takeaway '" + takeaway.id() + "'");
                    }
                }
                if (after.stream().noneMatch(later -> saysBack(flow.step(later).orElseThrow(), takeaway.save()))) {
                    problems.add(id + ": the takeaway '" + takeaway.save() + "' is not in the recap or the closing");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private boolean asksForTakeaway(Step step) {
        if (!(step.kind() instanceof StepKind.Ask ask) || step.save() == null) return false;
        return TAKEAWAY.entrySet().stream().allMatch(language -> said(ask.text(), language.getKey()).stream()
                .allMatch(text -> language.getValue().matcher(text).find()));
    }

    private List<String> said(Text text, String locale) {
        return text.isMessage() ? messages.variants(locale, text.messageKey()) : List.of(text.template());
    }

    /** The step passes the answer to a recap (an action's argument) or says it in a text. */
    private boolean saysBack(Step step, String name) {
        Pattern used = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        if (step.kind() instanceof StepKind.Action action) {
            return action.with().values().stream().anyMatch(expr -> used.matcher(expr.source()).find());
        }
        Pattern placeholder = Pattern.compile("\\{\\{\\s*" + Pattern.quote(name) + "\\b");
        return StepGraph.texts(step).stream()
                .anyMatch(text -> said(text, "en").stream().anyMatch(t -> placeholder.matcher(t).find()));
    }

    private static Set<String> reachableAfter(StepGraph graph, String from) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        graph.edgesFrom(from).forEach(edge -> todo.add(edge.target()));
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (id.equals(from) || !seen.add(id)) continue;
            graph.edgesFrom(id).forEach(edge -> todo.add(edge.target()));
        }
        return seen;
    }
}
