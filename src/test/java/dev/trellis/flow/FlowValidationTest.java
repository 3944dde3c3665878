package dev.trellis.flow;

import org.junit.jupiter.api.Test;

import static dev.trellis.flow.FlowFixtures.errorLines;
import static dev.trellis.flow.FlowFixtures.loadBroken;
import static org.assertj.core.api.Assertions.assertThat;

/** What a flow author sees for each kind of mistake: file, line, column and a message they can act on. */
class FlowValidationTest {

    private static final String DIR = "src/test/resources/flows/broken/";

    @Test
    void misspeltGotoNamesTheNearestStep() {
        // the step the typo cuts off is not reported as unreachable too: fixing the typo fixes both
        assertThat(errorLines(loadBroken("bad-goto.yaml"))).containsExactly(
                DIR + "bad-goto.yaml:7:11: unknown step 'next-stp' in goto (did you mean 'next-step'?)");
    }

    @Test
    void everyKindOfStepReferenceIsCheckedWithSuggestions() {
        assertThat(errorLines(loadBroken("bad-targets.yaml"))).containsExactly(
                DIR + "bad-targets.yaml:3:8: unknown step 'welcom' in start (did you mean 'welcome'?)",
                DIR + "bad-targets.yaml:4:25: unknown step 'gaol' in migrations",
                DIR + "bad-targets.yaml:9:30: unknown step 'wrap-upp' in retry.then (did you mean 'wrap-up'?)",
                DIR + "bad-targets.yaml:11:35: unknown step 'wrapup' in timeout.goto (did you mean 'wrap-up'?)");
    }

    @Test
    void ownWordsMustNameAQuestionThatTakesText() {
        assertThat(errorLines(loadBroken("bad-own-words.yaml"))).containsExactly(
                DIR + "bad-own-words.yaml:6:45: unknown step 'titel' in ownWords (did you mean 'title'?)",
                DIR + "bad-own-words.yaml:9:45: ownWords in step 'rate' names step 'score', which does not ask for "
                        + "text (ownWords needs an ask step without a type)");
    }

    @Test
    void aThirdYesNoCheckInOneFlowIsRefused() {
        assertThat(errorLines(loadBroken("too-many-checks.yaml"))).containsExactly(DIR + "too-many-checks.yaml:10:5: "
                + "step 'options' is one of 3 answers with 'reflect: confirm'; a flow confirms at most 2 (use 'reflect: "
                + "acknowledge' for the others)");
    }

    @Test
    void aTimerThatWouldTickNeverComeRoundOrFireAtOnceFailsTheLoadWhereItIsWritten() {
        assertThat(errorLines(loadBroken("bad-schedule.yaml"))).containsExactly(
                DIR + "bad-schedule.yaml:5:38: cron is not offered for reminders; use 'weekly MON 09:00', "
                        + "'every 2 weeks TUE 10:00' or 'monthly 1 09:00'",
                DIR + "bad-schedule.yaml:7:37: 'every 0 weeks TUE 10:00' never comes round; say every 1 week or more",
                DIR + "bad-schedule.yaml:9:39: 'PT0S' is not a delay of a minute or more like P3D, P1W or PT4H",
                DIR + "bad-schedule.yaml:11:15: schedule in step 'both' needs exactly one of at, after or every",
                DIR + "bad-schedule.yaml:13:40: unknown flow 'goal-chekin' in schedule");
    }

    @Test
    void aReminderOnATypedDateThatMayHavePassedFailsTheLoad() {
        assertThat(errorLines(loadBroken("past-timer-date.yaml"))).containsExactly(
                DIR + "past-timer-date.yaml:9:33: schedule in step 'remind' is set at 'due', which step 'when' lets be "
                        + "a date in the past; add validate: { notInPast: true } there so the person is asked again");
    }

    @Test
    void aShareWithAnUnknownAudienceOrItemKindOrAnUnsavedIdFailsTheLoadWhereItIsWritten() {
        assertThat(errorLines(loadBroken("bad-share.yaml"))).containsExactly(
                DIR + "bad-share.yaml:8:43: 'share.audience' of step 'tell': does not have a value in the enumeration "
                        + "[\"manager\", \"peerCoach\"]",
                DIR + "bad-share.yaml:10:69: 'share.items[1].kind' of step 'tell-goal': does not have a value in the "
                        + "enumeration [\"goal\", \"talkingPoint\", \"checkIn\", \"plan\"]",
                DIR + "bad-share.yaml:12:82: undefined variable 'goal' in 'goal.id' (did you mean 'goals'?)");
    }

    @Test
    void duplicateStepIdPointsAtTheSecondOne() {
        assertThat(errorLines(loadBroken("duplicate-id.yaml"))).containsExactly(
                DIR + "duplicate-id.yaml:6:5: duplicate step id 'hello' (first at line 4)");
    }

    @Test
    void stepNoPathLeadsToIsUnreachable() {
        assertThat(errorLines(loadBroken("unreachable.yaml"))).containsExactly(
                DIR + "unreachable.yaml:7:5: step 'lost' is unreachable from start 'hello'");
    }

    @Test
    void variableSavedOnlyOnSomePathsIsReportedWhereItIsUsed() {
        assertThat(errorLines(loadBroken("undefined-variable.yaml"))).containsExactly(DIR
                + "undefined-variable.yaml:15:22: variable 'obstacle' is used in step 'reality' before it is saved on every path to it");
    }

    @Test
    void variableNoStepSavesIsUndefinedWithSuggestion() {
        assertThat(errorLines(loadBroken("unknown-variable.yaml"))).containsExactly(
                DIR + "unknown-variable.yaml:8:13: undefined variable 'gaol' in 'gaol == \"skip\"' (did you mean 'goal'?)",
                DIR + "unknown-variable.yaml:11:40: undefined variable 'goalz' in text of step 'done' (did you mean 'goal'?)");
    }

    @Test
    void unknownTemplateFilterSuggestsAKnownOne() {
        assertThat(errorLines(loadBroken("unknown-filter.yaml"))).containsExactly(
                DIR + "unknown-filter.yaml:5:60: unknown filter 'uper' in text of step 'done' (did you mean 'upper'?)");
    }

    @Test
    void comparingANumberWithTextIsATypeErrorAtTheOperator() {
        assertThat(errorLines(loadBroken("cel-type-error.yaml"))).containsExactly(DIR
                + "cel-type-error.yaml:8:20: CEL error in 'rating < 'x'': found no matching overload for '_<_' applied to '(int, string)'");
    }

    @Test
    void unknownActionSuggestsAKnownOne() {
        assertThat(errorLines(loadBroken("unknown-action.yaml"))).containsExactly(
                DIR + "unknown-action.yaml:5:13: unknown action 'goals.creat' (did you mean 'goals.create'?)");
    }

    @Test
    void messageKeyMissingFromEnglishMessagesIsReported() {
        assertThat(errorLines(loadBroken("unknown-message.yaml"))).containsExactly(
                DIR + "unknown-message.yaml:5:16: unknown message key 'checkin.hello'");
    }

    @Test
    void flowThatNeverEndsIsReported() {
        assertThat(errorLines(loadBroken("no-end.yaml"))).containsExactly(
                DIR + "no-end.yaml:1:5: flow 'no-end' has no end: add an 'end' step or 'end: true' to a step");
    }

    @Test
    void unknownPropertyIsASchemaErrorNamingTheStep() {
        assertThat(errorLines(loadBroken("unknown-property.yaml"))).containsExactly(
                DIR + "unknown-property.yaml:7:5: unknown property 'nxt' in step 'goal'");
    }

    @Test
    void yamlSyntaxErrorHasThePositionOfTheProblem() {
        assertThat(errorLines(loadBroken("yaml-syntax.yaml"))).containsExactly(DIR
                + "yaml-syntax.yaml:6:4: YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block collection)");
    }

    @Test
    void fileWithSeveralProblemsReportsEveryOne() {
        FlowLoader.Result result = loadBroken("several-problems.yaml");

        assertThat(errorLines(result)).contains(
                DIR + "several-problems.yaml:1:5: flow id 'several' does not match the file name 'several-problems'",
                DIR + "several-problems.yaml:5:27: unknown property 'typ' in 'ask' of step 'goal'",
                DIR + "several-problems.yaml:7:11: unknown step 'wrap-upp' in goto (did you mean 'wrap-up'?)",
                DIR + "several-problems.yaml:12:20: CEL error in 'rating < 'x'': found no matching overload for '_<_' applied to '(int, string)'",
                DIR + "several-problems.yaml:15:13: unknown action 'goals.creat' (did you mean 'goals.create'?)");
        assertThat(result.flows()).isEmpty();
    }

    @Test
    void subFlowCallsAreCheckedAgainstTheFlowsLoadedTogether() throws Exception {
        FlowLoader.Result result = FlowFixtures.loader().loadFiles(java.util.List.of(
                FlowFixtures.VALID.resolve("smart-goal.yaml"), FlowFixtures.BROKEN.resolve("bad-call.yaml")));

        assertThat(errorLines(result)).containsExactly(
                DIR + "bad-call.yaml:12:24: flow 'smart-goal' has no param 'goalTitel' (did you mean 'goalTitle'?)",
                // a timeout leaves 'goal' without an answer, so the call cannot rely on it
                DIR + "bad-call.yaml:12:25: variable 'goal' is used in step 'smart' before it is saved on every path to it",
                DIR + "bad-call.yaml:15:11: unknown flow 'smart-gaol' in call (did you mean 'smart-goal'?)",
                DIR + "bad-call.yaml:18:5: 'timeout' in step 'done' only applies to steps that wait for an answer (ask, choice, scale, confirm)");
    }

    @Test
    void brokenFileDoesNotHideTheValidFlowsLoadedWithIt() throws Exception {
        FlowLoader.Result result = FlowFixtures.loader().loadFiles(java.util.List.of(
                FlowFixtures.VALID.resolve("smart-goal.yaml"), FlowFixtures.BROKEN.resolve("no-end.yaml")));

        assertThat(result.flows()).extracting(Flow::id).containsExactly("smart-goal");
        assertThat(result.errors()).hasSize(1);
        assertThat(result.ok()).isFalse();
    }
}
