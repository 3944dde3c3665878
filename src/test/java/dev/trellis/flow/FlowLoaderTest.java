package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Valid flow files become the model the engine runs, every element knowing where it was written. */
class FlowLoaderTest {

    private final FlowLoader.Result result = FlowFixtures.loadValid();
    private final Flow checkin = result.flows().stream().filter(f -> f.id().equals("checkin")).findFirst().orElseThrow();

    @Test
    void validFilesLoadWithoutErrors() {
        assertThat(result.errors()).isEmpty();
        assertThat(result.flows()).extracting(Flow::id).containsExactly("checkin", "smart-goal");
    }

    @Test
    void flowHeaderIsRead() {
        assertThat(checkin.title()).isEqualTo("Goal check-in");
        assertThat(checkin.start()).isEqualTo("welcome");
        assertThat(checkin.params()).containsExactly("goalTitle");
        assertThat(checkin.migrations()).containsEntry("old-pick", "pick");
        assertThat(checkin.idleLimit()).isEqualTo(Duration.ofDays(7));
        assertThat(checkin.listed()).isTrue();
        assertThat(checkin.file()).isEqualTo("src/test/resources/flows/valid/checkin.yaml");
    }

    @Test
    void defaultsApplyWhenOmitted() {
        Flow smart = result.flows().get(1);
        assertThat(smart.listed()).isFalse();
        assertThat(smart.idleLimit()).isEqualTo(Flow.DEFAULT_IDLE_LIMIT);
        assertThat(smart.start()).isEqualTo("specific");
    }

    @Test
    void versionIsTheContentHashOfTheSource() {
        assertThat(checkin.version()).hasSize(16).isEqualTo(FlowParser.version(checkin.source()));
        Flow edited = FlowFixtures.loader().loadOne("x/checkin.yaml", checkin.source() + "\n# edited\n", Set.of("smart-goal"));
        assertThat(edited.version()).isNotEqualTo(checkin.version());
    }

    @Test
    void stepsKeepTheirLineAndColumn() {
        Step pick = checkin.step("pick").orElseThrow();
        assertThat(pick.position()).isEqualTo(new Position(checkin.file(), 11, 5));
        StepKind.Choice choice = (StepKind.Choice) pick.kind();
        assertThat(choice.text()).isEqualTo(Text.message("checkin.pick", new Position(checkin.file(), 13, 19)));
        assertThat(choice.optionsExpr().source()).isEqualTo("goals.active");
        assertThat(choice.optionsExpr().position()).isEqualTo(new Position(checkin.file(), 14, 16));
    }

    @Test
    void shorthandsExpandToFullSteps() {
        StepKind.Confirm sure = (StepKind.Confirm) checkin.step("sure").orElseThrow().kind();
        assertThat(sure.text().template()).isEqualTo("Shall we record it?");

        StepKind.Choice mood = (StepKind.Choice) checkin.step("mood").orElseThrow().kind();
        assertThat(mood.options()).extracting(Option::value).containsExactly("good", "Meh");
        assertThat(mood.options()).extracting(o -> o.label().template()).containsExactly("Good", "Meh");

        Step bye = checkin.step("bye").orElseThrow();
        assertThat(bye.kind()).isEqualTo(new StepKind.End(Text.message("checkin.bye", new Position(checkin.file(), 64, 16))));

        Step done = checkin.step("done").orElseThrow();
        assertThat(done.end()).isTrue();
        assertThat(done.kind()).isInstanceOf(StepKind.Say.class);

        Step smart = result.flows().get(1).step("specific").orElseThrow();
        assertThat(((StepKind.Ask) smart.kind()).type()).isEqualTo(StepKind.AnswerType.TEXT);
    }

    @Test
    void askCarriesTypeValidationRetryAndReflect() {
        Step obstacles = checkin.step("obstacles").orElseThrow();
        StepKind.Ask ask = (StepKind.Ask) obstacles.kind();
        assertThat(ask.reflect()).isEqualTo(StepKind.Reflect.CONFIRM);
        assertThat(ask.validate().minLength()).isEqualTo(3);
        assertThat(ask.validate().maxLength()).isEqualTo(500);
        assertThat(ask.validate().message().template()).isEqualTo("Tell me a little more.");
        assertThat(ask.retry().max()).isEqualTo(2);
        assertThat(ask.retry().then()).isEqualTo("hours");
        assertThat(obstacles.timeout().after()).isEqualTo(Duration.ofDays(2));
        assertThat(obstacles.timeout().target()).isEqualTo("hours");

        assertThat(ask.validate().rule().test(Map.of("answer", "Learn Go", "goal", Map.of("title", "Learn Go")))).isFalse();
        assertThat(ask.validate().rule().test(Map.of("answer", "no time", "goal", Map.of("title", "Learn Go")))).isTrue();

        StepKind.Ask hours = (StepKind.Ask) checkin.step("hours").orElseThrow().kind();
        assertThat(hours.type()).isEqualTo(StepKind.AnswerType.NUMBER);
        assertThat(hours.validate().min()).isEqualTo(0.0);
        assertThat(hours.validate().max()).isEqualTo(100.0);
        assertThat(hours.retry()).isEqualTo(Retry.DEFAULT);

        StepKind.Ask due = (StepKind.Ask) checkin.step("due").orElseThrow().kind();
        assertThat(due.type()).isEqualTo(StepKind.AnswerType.DATE);
        assertThat(due.validate().notInPast()).isTrue();
    }

    @Test
    void branchesAreTriedInOrderWithCompiledConditions() {
        List<Branch> next = checkin.step("progress").orElseThrow().next();
        assertThat(next).extracting(Branch::target).containsExactly("obstacles", "hours");
        assertThat(next.get(0).when().test(Map.of("progress", 2L))).isTrue();
        assertThat(next.get(0).when().test(Map.of("progress", 7L))).isFalse();
        assertThat(next.get(1).when()).isNull();
        assertThat(next.get(0).position()).isEqualTo(new Position(checkin.file(), 23, 15));
    }

    @Test
    void setActionAndCallCompileTheirExpressions() {
        StepKind.SetVars set = (StepKind.SetVars) checkin.step("compute").orElseThrow().kind();
        assertThat(set.values().get("total").evaluate(Map.of("progress", 4L))).isEqualTo(5L);
        assertThat(set.values().get("note").evaluate(Map.of("hours", 2.5))).isEqualTo("hours: 2.5");

        StepKind.Action action = (StepKind.Action) checkin.step("record").orElseThrow().kind();
        assertThat(action.name()).isEqualTo("goals.recordCheckIn");
        assertThat(action.with()).containsOnlyKeys("goal", "progress", "hours");
        assertThat(checkin.step("record").orElseThrow().save()).isEqualTo("recorded");

        StepKind.Call call = (StepKind.Call) checkin.step("smart").orElseThrow().kind();
        assertThat(call.flow()).isEqualTo("smart-goal");
        assertThat(call.with().get("goalTitle").evaluate(Map.of("goal", Map.of("title", "Run")))).isEqualTo("Run");
    }

    @Test
    void choiceFromExpressionComputesLabelsAndValuesPerOption() {
        StepKind.Choice choice = (StepKind.Choice) checkin.step("pick").orElseThrow().kind();
        Map<String, Object> goal = Map.of("id", "g1", "title", "Learn Go");
        assertThat(choice.optionsExpr().evaluate(Map.of("goals", Map.of("active", List.of(goal))))).isEqualTo(List.of(goal));
        assertThat(choice.label().evaluate(Map.of("option", goal))).isEqualTo("Learn Go");
        assertThat(choice.value().evaluate(Map.of("option", goal))).isEqualTo(goal);
    }

    @Test
    void loadOneFailsWithEveryErrorInTheMessage() {
        assertThatThrownBy(() -> FlowFixtures.loader().loadOne("flows/no-end.yaml",
                "id: no-end\ntitle: T\nsteps:\n  - id: a\n    say: hi\n    nxt: b\n", Set.of()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining("flows/no-end.yaml:1:5: flow 'no-end' has no end")
                .hasMessageContaining("flows/no-end.yaml:6:5: unknown property 'nxt' in step 'a'")
                .satisfies(e -> assertThat(((FlowException) e).errors()).hasSize(2));
    }
}
