package dev.trellis.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A coaching conversation that takes more than 20 answers is a form. For each shipped flow this walks every path a
 * person commonly takes (the branches and the following step; not retries used up or timeouts) and counts the inputs
 * on the longest one: each question, each yes/no check of a reflection, and the inputs of a flow it calls.
 */
class FlowLengthTest {

    static final int MAX_INPUTS = 20;
    private static final Path FLOWS = Path.of("conversation-flows");
    private static final Pattern ACTION = Pattern.compile("action:\\s*([\\w.]+)");

    @Test
    void everyShippedFlowCanBeFinishedInTwentyInputs() throws IOException {
        Map<String, Flow> flows = shippedFlows();
        Map<String, Integer> longest = new LinkedHashMap<>();
        flows.keySet().stream().sorted().forEach(id -> longest.put(id, longestPath(flows, id, new HashMap<>())));
        System.out.println("Longest common path per flow, in inputs: " + longest);

        assertThat(longest).hasSameSizeAs(FlowFixtures.yamlFiles(FLOWS));
        assertThat(longest).allSatisfy((flow, inputs) -> assertThat(inputs)
                .as("inputs on the longest common path of '%s'", flow).isLessThanOrEqualTo(MAX_INPUTS));
    }

    @Test
    void aCallCountsTheInputsOfTheCalledFlow() throws IOException {
        Map<String, Flow> flows = shippedFlows();
        // a pinnacle, a foothill and what made each so, then the goal it may hand to smart-goal
        assertThat(longestPath(flows, "pinnacles-foothills", new HashMap<>()))
                .isGreaterThanOrEqualTo(4 + longestPath(flows, "smart-goal", new HashMap<>()));
    }

    static int longestPath(Map<String, Flow> flows, String flowId, Map<String, Integer> memo) {
        Integer known = memo.get(flowId);
        if (known != null) return known;
        memo.put(flowId, 0); // a flow calling itself adds nothing more
        Flow flow = flows.get(flowId);
        StepGraph graph = new StepGraph(flow, flow.stepsById());
        int result = walk(flows, flow, graph, flow.start(), new LinkedHashSet<>(), memo);
        memo.put(flowId, result);
        return result;
    }

    private static int walk(Map<String, Flow> flows, Flow flow, StepGraph graph, String stepId, Set<String> onPath,
                            Map<String, Integer> memo) {
        if (!onPath.add(stepId)) return 0;
        Step step = flow.step(stepId).orElseThrow();
        int here = inputs(flows, step, memo);
        int best = 0;
        for (StepGraph.Edge edge : graph.edgesFrom(stepId)) {
            if (edge.saves()) best = Math.max(best, walk(flows, flow, graph, edge.target(), onPath, memo));
        }
        onPath.remove(stepId);
        return here + best;
    }

    private static int inputs(Map<String, Flow> flows, Step step, Map<String, Integer> memo) {
        if (step.kind() instanceof StepKind.Call call) {
            return flows.containsKey(call.flow()) ? longestPath(flows, call.flow(), memo) : 0;
        }
        if (step.kind() instanceof StepKind.Ask ask && ask.reflect() == StepKind.Reflect.CONFIRM) return 2;
        return step.waitsForAnswer() ? 1 : 0;
    }

    static Map<String, Flow> shippedFlows() throws IOException {
        List<Path> files = FlowFixtures.yamlFiles(FLOWS);
        Set<String> actions = new LinkedHashSet<>();
        for (Path file : files) {
            Matcher m = ACTION.matcher(Files.readString(file));
            while (m.find()) actions.add(m.group(1));
        }
        FlowLoader loader = new FlowLoader(FlowRules.withActions(actions),
                YamlMessageBundle.load(FLOWS.resolve("messages")));
        FlowLoader.Result result = loader.loadFiles(files);
        assertThat(result.errors()).isEmpty();
        Map<String, Flow> flows = new HashMap<>();
        result.flows().forEach(f -> flows.put(f.id(), f));
        return flows;
    }
}
