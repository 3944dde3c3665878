package dev.trellis.coaching;

import static dev.trellis.coaching.SmartCheck.Gap.DATE_IN_PAST;
import static dev.trellis.coaching.SmartCheck.Gap.LOW_CONFIDENCE;
import static dev.trellis.coaching.SmartCheck.Gap.NO_DATE;
import static dev.trellis.coaching.SmartCheck.Gap.NO_MEASURE;
import static dev.trellis.coaching.SmartCheck.Gap.TOO_FAR;
import static dev.trellis.coaching.SmartCheck.Gap.TOO_SHORT;
import static dev.trellis.coaching.SmartCheck.Gap.VAGUE;
import static dev.trellis.coaching.SmartCheck.Gap.WEAK_MEASURE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SmartCheckTest {

    private final SmartCheck check = new SmartCheck();
    private final LocalDate today = LocalDate.of(2026, 11, 25);

    @Test
    void aClearMeasuredDatedGoalNeedsNoFollowUp() {
        SmartCheck.Result result = check.check("Give two talks at the internal tech meetup",
                "two talks held, feedback collected", today.plusMonths(3), 8, today);

        assertThat(result.smart()).isTrue();
        assertThat(result.next()).isNull();
    }

    @Test
    void vagueGoalWithoutMeasureOrDateGetsAQuestionForEachGapStartingWithWording() {
        SmartCheck.Result result = check.check("Get better at communication stuff", "", null, null, today);

        assertThat(result.gaps()).containsExactly(VAGUE, NO_MEASURE, NO_DATE);
        assertThat(result.next()).isEqualTo(VAGUE);
    }

    @Test
    void aNumberInTheGoalCountsAsItsMeasure() {
        assertThat(check.check("Read 6 books on leadership", null, today.plusMonths(6), null, today).gaps()).isEmpty();
    }

    @Test
    void aMeasureNobodyCouldCheckIsCalledWeak() {
        assertThat(check.check("Become a confident presenter at team meetings", "feel good", today.plusMonths(2),
                null, today).gaps()).containsExactly(WEAK_MEASURE);
    }

    @Test
    void dateInThePastIsQuestionedNotRejected() {
        SmartCheck.Result result = check.check("Finish the AWS certification course", "certificate",
                today.minusDays(1), null, today);

        assertThat(result.gaps()).containsExactly(DATE_IN_PAST);
        assertThat(result.next().part()).isEqualTo(SmartCheck.Part.TIME_BOUND);
    }

    @Test
    void todayIsStillAValidDateButThreeYearsOutIsTooFarToSteerBy() {
        assertThat(check.check("Finish the AWS certification course", "certificate", today, null, today).gaps()).isEmpty();
        assertThat(check.check("Finish the AWS certification course", "certificate", today.plusYears(3), null, today)
                .gaps()).containsExactly(TOO_FAR);
    }

    @Test
    void lowConfidenceAsksWhatWouldMakeItAchievable() {
        assertThat(check.check("Finish the AWS certification course", "certificate", today.plusMonths(1), 4, today)
                .gaps()).containsExactly(LOW_CONFIDENCE);
    }

    @Test
    void aOneWordGoalAsksForMore() {
        assertThat(check.check("Promotion", "title change", today.plusMonths(9), null, today).gaps()).containsExactly(TOO_SHORT);
    }
}
