package dev.trellis.coaching;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Draws a powerful question from a bank (one list per GROW stage or topic, kept in the message files as data) so
 * a person does not hear the same question every week: the pick is fixed for a person, topic and week (asking
 * twice in a week is stable), moves on by one each week (so a bank of n questions is heard in full over n weeks),
 * starts at a different place for each person, and never repeats the question that person was asked last time.
 */
public final class QuestionRotation {

    private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

    /** The question drawn: which bank, its position in it, and its text. */
    public record Question(String topic, int index, String text) {
    }

    /**
     * The question for {@code personId} from {@code bank} in the week of {@code date}.
     *
     * @param lastUsed the text of the question this person was last asked on this topic, or null
     * @throws IllegalArgumentException when the bank is empty
     */
    public Question pick(String topic, List<String> bank, String personId, LocalDate date, String lastUsed) {
        if (bank == null || bank.isEmpty()) {
            throw new IllegalArgumentException("no questions for topic '" + topic + "'");
        }
        int size = bank.size();
        long week = ChronoUnit.WEEKS.between(FIRST_MONDAY, date.with(DayOfWeek.MONDAY));
        int start = Math.floorMod((personId + "|" + topic).hashCode(), size);
        int index = (int) Math.floorMod(start + week, (long) size);
        if (size > 1 && bank.get(index).equals(lastUsed)) {
            index = (index + 1) % size;
        }
        return new Question(topic, index, bank.get(index));
    }
}
