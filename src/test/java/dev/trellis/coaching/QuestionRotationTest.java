package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class QuestionRotationTest {

    private static final List<String> BANK = List.of("What do you want?", "What would success look like?",
            "What would make this worth your time?", "Where do you want to be in a year?", "What matters most here?");

    private final QuestionRotation rotation = new QuestionRotation();
    private final LocalDate monday = LocalDate.of(2026, 11, 23);

    @Test
    void samePersonHearsADifferentQuestionEachWeekAndTheWholeBankOverTime() {
        Set<String> heard = new HashSet<>();
        String last = null;
        for (int week = 0; week < BANK.size(); week++) {
            String question = rotation.pick("goal", BANK, "p1", monday.plusWeeks(week), null).text();
            assertThat(question).isNotEqualTo(last);
            heard.add(question);
            last = question;
        }
        assertThat(heard).containsExactlyInAnyOrderElementsOf(BANK);
    }

    @Test
    void theQuestionIsStableWithinAWeek() {
        assertThat(rotation.pick("goal", BANK, "p1", monday, null))
                .isEqualTo(rotation.pick("goal", BANK, "p1", monday.plusDays(6), null));
    }

    @Test
    void theLastQuestionAskedIsNeverRepeated() {
        String thisWeek = rotation.pick("goal", BANK, "p1", monday, null).text();

        assertThat(rotation.pick("goal", BANK, "p1", monday, thisWeek).text()).isNotEqualTo(thisWeek);
    }

    @Test
    void differentPeopleStartAtDifferentPlacesInTheBank() {
        Set<Integer> starts = new HashSet<>();
        for (String person : List.of("alice", "bob", "carol", "dave", "erin", "frank")) {
            starts.add(rotation.pick("goal", BANK, person, monday, null).index());
        }
        assertThat(starts).hasSizeGreaterThan(1);
    }

    @Test
    void anEmptyBankIsAClearError() {
        assertThatThrownBy(() -> rotation.pick("career", List.of(), "p1", monday, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("career");
    }
}
