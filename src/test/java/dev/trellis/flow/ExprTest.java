package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flow expressions evaluate over the plain Java values the engine stores. */
class ExprTest {

    private static Expr compile(String expression, String... saved) {
        StringBuilder yaml = new StringBuilder("id: t\ntitle: T\nsteps:\n");
        for (String name : saved) {
            yaml.append("  - id: s-").append(name).append("\n    action: goals.create\n    save: ").append(name).append('\n');
        }
        yaml.append("  - id: check\n    set: { result: \"").append(expression.replace("\"", "\\\"")).append("\" }\n")
                .append("  - id: done\n    end: true\n");
        Flow flow = FlowFixtures.loader().loadOne("t.yaml", yaml.toString(), Set.of());
        return ((StepKind.SetVars) flow.step("check").orElseThrow().kind()).values().get("result");
    }

    @Test
    void mapFieldsAndListSizesOfDynamicValuesWork() {
        Expr expr = compile("size(goals.active) > 0 && goal.title == 'Learn Go'", "goal");
        Map<String, Object> goal = Map.of("title", "Learn Go", "progress", 3L);
        assertThat(expr.evaluate(Map.of("goals", Map.of("active", List.of(goal)), "goal", goal))).isEqualTo(true);
        assertThat(expr.evaluate(Map.of("goals", Map.of("active", List.of()), "goal", goal))).isEqualTo(false);
    }

    @Test
    void longsAndDoublesCompareAndComputeAcrossTypes() {
        assertThat(compile("goal.progress < 3.5", "goal").evaluate(Map.of("goal", Map.of("progress", 3L)))).isEqualTo(true);
        assertThat(compile("goal.progress + 1", "goal").evaluate(Map.of("goal", Map.of("progress", 3L)))).isEqualTo(4L);
        assertThat(compile("goal.hours * 2.0", "goal").evaluate(Map.of("goal", Map.of("hours", 1.25)))).isEqualTo(2.5);
    }

    @Test
    void resultsComeBackAsPlainJavaValues() {
        Object value = compile("[goal.title, {'done': goal.done}]", "goal")
                .evaluate(Map.of("goal", Map.of("title", "Run", "done", true)));
        assertThat(value).isEqualTo(List.of("Run", Map.of("done", true)));
    }

    @Test
    void macrosOverListsOfMapsWork() {
        List<Object> active = new ArrayList<>(List.of(Map.of("title", "A", "progress", 9L), Map.of("title", "B", "progress", 2L)));
        Expr expr = compile("goals.active.filter(g, g.progress < 5).map(g, g.title)");
        assertThat(expr.evaluate(Map.of("goals", Map.of("active", active)))).isEqualTo(List.of("B"));
    }

    @Test
    void missingMapKeyFailsWithThePositionNotTheValues() {
        Expr expr = compile("goal.title", "goal");
        assertThatThrownBy(() -> expr.evaluate(Map.of("goal", Map.of("secret", "private words"))))
                .isInstanceOf(Expr.ExpressionException.class)
                .hasMessageStartingWith("t.yaml:")
                .hasMessageNotContaining("private words");
    }
}
