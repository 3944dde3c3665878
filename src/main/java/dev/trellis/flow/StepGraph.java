package dev.trellis.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The steps of a flow as a graph: where a step can go next (branches, the following step, retry and timeout
 * targets), and what each kind of step shows, computes and saves.
 */
final class StepGraph {

    /** An edge; {@code saves} is false for leaving without an answer (retries used up, timeout). */
    record Edge(String target, boolean saves) {
    }

    private final Map<String, List<Edge>> edges = new HashMap<>();
    private final Map<String, Step> steps;

    StepGraph(Flow flow, Map<String, Step> steps) {
        this.steps = steps;
        List<Step> all = flow.steps();
        for (int i = 0; i < all.size(); i++) {
            Step step = all.get(i);
            if (steps.get(step.id()) != step) continue;
            edges.put(step.id(), edgesOf(step, i + 1 < all.size() ? all.get(i + 1) : null));
        }
    }

    private List<Edge> edgesOf(Step step, Step following) {
        List<Edge> out = new ArrayList<>();
        boolean ends = step.end() || step.kind() instanceof StepKind.End;
        if (!ends) {
            step.next().forEach(b -> out.add(new Edge(b.target(), true)));
            boolean fallsThrough = step.next().isEmpty() || step.next().get(step.next().size() - 1).when() != null;
            if (fallsThrough && following != null) out.add(new Edge(following.id(), true));
        }
        Retry retry = retry(step);
        if (retry != null && retry.then() != null) out.add(new Edge(retry.then(), false));
        // typed own words answer another step: the flow goes there with this step's answer (false) saved
        if (step.kind() instanceof StepKind.Confirm c && c.ownWords() != null) out.add(new Edge(c.ownWords(), true));
        if (step.timeout() != null) out.add(new Edge(step.timeout().target(), false));
        out.removeIf(e -> !steps.containsKey(e.target()));
        return out;
    }

    List<Edge> edgesFrom(String id) {
        return edges.getOrDefault(id, List.of());
    }

    Set<String> reachableFrom(String start) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) continue;
            edges.getOrDefault(id, List.of()).forEach(e -> todo.push(e.target()));
        }
        return seen;
    }

    /**
     * For each reachable step, the saved variables defined on every path from the start to it (a must-analysis:
     * intersect over incoming edges until nothing changes).
     */
    Map<String, Set<String>> definedBefore(String start, Set<String> reachable) {
        return definedBefore(Map.of(start, Set.of()), reachable);
    }

    /**
     * The same with several entries (the start, and steps a timer resumes at), each with the variables it starts
     * with.
     */
    Map<String, Set<String>> definedBefore(Map<String, Set<String>> entries, Set<String> reachable) {
        Set<String> universe = new LinkedHashSet<>();
        reachable.forEach(id -> universe.addAll(saves(steps.get(id))));
        Map<String, Set<String>> in = new HashMap<>();
        reachable.forEach(id -> in.put(id, new LinkedHashSet<>(universe)));
        entries.forEach((entry, vars) -> {
            Set<String> start = new LinkedHashSet<>(vars);
            start.retainAll(in.getOrDefault(entry, start));
            in.put(entry, start);
        });
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String id : reachable) {
                Set<String> withSave = new LinkedHashSet<>(in.get(id));
                withSave.addAll(saves(steps.get(id)));
                for (Edge edge : edges.getOrDefault(id, List.of())) {
                    Set<String> target = in.get(edge.target());
                    if (target != null && target.retainAll(edge.saves() ? withSave : in.get(id))) changed = true;
                }
            }
        }
        return in;
    }

    static Set<String> saves(Step step) {
        Set<String> names = new LinkedHashSet<>();
        if (step.save() != null) names.add(step.save());
        if (step.kind() instanceof StepKind.SetVars set) names.addAll(set.values().keySet());
        return names;
    }

    static Retry retry(Step step) {
        StepKind kind = step.kind();
        if (kind instanceof StepKind.Ask ask) return ask.retry();
        if (kind instanceof StepKind.Choice choice) return choice.retry();
        if (kind instanceof StepKind.Scale scale) return scale.retry();
        return null;
    }

    /** Everything the step shows. */
    static List<Text> texts(Step step) {
        StepKind kind = step.kind();
        Stream<Text> texts = Stream.empty();
        if (kind instanceof StepKind.Say say) texts = Stream.of(say.text());
        if (kind instanceof StepKind.Ask ask) {
            texts = Stream.of(ask.text(), ask.validate() == null ? null : ask.validate().message());
        }
        if (kind instanceof StepKind.Choice choice) {
            texts = Stream.concat(Stream.of(choice.text()), choice.options().stream().map(Option::label));
        }
        if (kind instanceof StepKind.Scale scale) texts = Stream.of(scale.text(), scale.minLabel(), scale.maxLabel());
        if (kind instanceof StepKind.Confirm confirm) texts = Stream.of(confirm.text(), confirm.yes(), confirm.no());
        if (kind instanceof StepKind.Share share) texts = Stream.of(share.text(), share.yes(), share.no());
        if (kind instanceof StepKind.End end) texts = Stream.of(end.text());
        return texts.filter(Objects::nonNull).toList();
    }

    /** The expressions evaluated while the step runs (not its branch conditions, which see what it saved). */
    static List<Expr> bodyExpressions(Step step) {
        StepKind kind = step.kind();
        Stream<Expr> exprs = Stream.empty();
        if (kind instanceof StepKind.Ask ask) exprs = Stream.of(ask.validate() == null ? null : ask.validate().rule());
        if (kind instanceof StepKind.Choice choice) exprs = Stream.of(choice.optionsExpr(), choice.label(), choice.value());
        if (kind instanceof StepKind.SetVars set) exprs = set.values().values().stream();
        if (kind instanceof StepKind.Action action) exprs = action.with().values().stream();
        if (kind instanceof StepKind.Call call) exprs = call.with().values().stream();
        if (kind instanceof StepKind.Share share) exprs = share.items().stream().map(StepKind.Share.Item::id);
        if (kind instanceof StepKind.Schedule schedule) {
            exprs = java.util.stream.Stream.concat(schedule.with().values().stream(),
                    java.util.stream.Stream.of(schedule.at(), schedule.everyExpr()).filter(java.util.Objects::nonNull));
        }
        return exprs.filter(Objects::nonNull).toList();
    }
}
