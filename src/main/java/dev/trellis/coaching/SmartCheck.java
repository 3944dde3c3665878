package dev.trellis.coaching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Looks at a goal the way a coach would before agreeing it: is it specific, is there a measure, is there a date
 * and is it still ahead, does the person believe in it. Each gap has a coaching follow-up question for that gap
 * (see {@link Gap}) — the goal is never rejected, the person is helped to sharpen it. Gaps are ordered so the most useful
 * question comes first (a goal without a clear wording first, then measure, date, confidence).
 */
public final class SmartCheck {

    /** Beyond this a goal is too far off to steer by; the coach asks for a nearer milestone. */
    static final int MAX_MONTHS_AHEAD = 24;
    /** At or below this confidence (1–10) the goal may not be achievable as stated. */
    static final int LOW_CONFIDENCE = 6;

    private static final Pattern NUMBER = Pattern.compile(
            "\\d|\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twice|once|every|each|per|weekly|daily|monthly)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> VAGUE = Set.of("better", "more", "improve", "improving", "good", "great", "stuff",
            "things", "something", "somehow", "try", "maybe", "bit", "generally", "overall", "work on", "get good at",
            "be good at", "nicer", "fine", "whatever", "etc");
    private static final Pattern OBSERVABLE = Pattern.compile(
            "\\b(?:finish|complet|ship|publish|launch|pass|present|deliver|lead|write|written|obtain|certif|promot|"
                    + "hire|release|submit|sign|give|given|hold|held|teach|taught|mentor|attend|read|build|built|migrat|"
                    + "reach|achiev|score|rating|feedback|done|approv|live|merg|change|offer|accept)\\w*",
            Pattern.CASE_INSENSITIVE);

    /** Which SMART part a gap is about. */
    public enum Part { SPECIFIC, MEASURABLE, ACHIEVABLE, TIME_BOUND }

    /**
     * What is missing or weak. Each gap's coaching follow-up question is data, under {@code coaching.smart.<GAP>}
     * in the message files, so it can be reworded and translated without a code change.
     */
    public enum Gap {
        VAGUE(Part.SPECIFIC), TOO_SHORT(Part.SPECIFIC), NO_MEASURE(Part.MEASURABLE), WEAK_MEASURE(Part.MEASURABLE),
        NO_DATE(Part.TIME_BOUND), DATE_IN_PAST(Part.TIME_BOUND), TOO_FAR(Part.TIME_BOUND), LOW_CONFIDENCE(Part.ACHIEVABLE);

        private final Part part;

        Gap(Part part) {
            this.part = part;
        }

        public Part part() {
            return part;
        }

        /** The message key of this gap's follow-up question. */
        public String messageKey() {
            return "coaching.smart." + name();
        }
    }

    /** The gaps found, most useful first; none means the goal is SMART enough to agree. */
    public record Result(List<Gap> gaps) {
        public Result {
            gaps = List.copyOf(gaps);
        }

        public boolean smart() {
            return gaps.isEmpty();
        }

        /** The gap to ask about next, or null when there is nothing to sharpen. */
        public Gap next() {
            return gaps.isEmpty() ? null : gaps.get(0);
        }
    }

    /**
     * Checks a goal.
     *
     * @param title      the goal in the person's words
     * @param measure    how they will know it is done, or null/blank
     * @param due        the target date, or null
     * @param confidence how sure they are they can do it, 1–10, or null when not asked
     * @param today      the person's today
     */
    public Result check(String title, String measure, LocalDate due, Integer confidence, LocalDate today) {
        List<Gap> gaps = new ArrayList<>();
        String goal = title == null ? "" : title.strip();
        String how = measure == null ? "" : measure.strip();
        if (goal.split("\\s+").length < 3) {
            gaps.add(Gap.TOO_SHORT);
        } else if (vague(goal) && !NUMBER.matcher(goal).find() && !OBSERVABLE.matcher(goal).find()) {
            gaps.add(Gap.VAGUE);
        }
        if (how.isEmpty()) {
            if (!NUMBER.matcher(goal).find()) {
                gaps.add(Gap.NO_MEASURE);
            }
        } else if (!NUMBER.matcher(how).find() && !OBSERVABLE.matcher(how).find()) {
            gaps.add(Gap.WEAK_MEASURE);
        }
        if (due == null) {
            gaps.add(Gap.NO_DATE);
        } else if (due.isBefore(today)) {
            gaps.add(Gap.DATE_IN_PAST);
        } else if (due.isAfter(today.plusMonths(MAX_MONTHS_AHEAD))) {
            gaps.add(Gap.TOO_FAR);
        }
        if (confidence != null && confidence <= LOW_CONFIDENCE) {
            gaps.add(Gap.LOW_CONFIDENCE);
        }
        return new Result(gaps);
    }

    private static boolean vague(String goal) {
        String text = " " + goal.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s]", " ") + " ";
        return VAGUE.stream().anyMatch(word -> text.contains(" " + word + " "));
    }
}
