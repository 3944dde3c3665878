package dev.trellis.coaching;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a coach reacts to a goal's progress (0–10) at a check-in, given the earlier check-ins: celebrates a
 * finish, notices movement, gets curious about a slip without blame, and after the same figure twice in a row
 * asks for the smallest next step instead of repeating "keep going".
 */
public final class ProgressReaction {

    public static final int DONE = 10;

    /** The direction of travel. */
    public enum Trend { FIRST, UP, DOWN, STALLED, FINISHED }

    /**
     * The reaction. Its words are data, under {@link #messageKey()} in the message files, with {@code {{from}}},
     * {@code {{to}}}, {@code {{next}}} and {@code {{stalledFor}}} filled in.
     *
     * @param stalledFor how many check-ins in a row (this one included) had this same figure; 1 unless stalled
     */
    public record Reaction(Trend trend, int from, int to, int stalledFor) {

        public String messageKey() {
            String trendKey = trend.name().toLowerCase(Locale.ROOT);
            return "coaching.progress." + (trend == Trend.STALLED && stalledFor > 2 ? "stalledLonger" : trendKey);
        }

        /** The values the reaction's message refers to. */
        public Map<String, Object> values() {
            return Map.of("from", (long) from, "to", (long) to, "next", (long) Math.min(to + 1, DONE),
                    "stalledFor", (long) stalledFor);
        }
    }

    /**
     * Reacts to {@code progress} after the {@code earlier} figures (oldest first, may be empty).
     *
     * @throws IllegalArgumentException when a figure is outside 0–10
     */
    public Reaction react(List<Integer> earlier, int progress) {
        checkRange(progress);
        earlier.forEach(ProgressReaction::checkRange);
        int previous = earlier.isEmpty() ? -1 : earlier.get(earlier.size() - 1);
        if (progress >= DONE) {
            return new Reaction(Trend.FINISHED, previous < 0 ? progress : previous, progress, 1);
        }
        if (previous < 0) {
            return new Reaction(Trend.FIRST, progress, progress, 1);
        }
        if (progress > previous) {
            return new Reaction(Trend.UP, previous, progress, 1);
        }
        if (progress < previous) {
            return new Reaction(Trend.DOWN, previous, progress, 1);
        }
        int run = 1;
        for (int i = earlier.size() - 1; i >= 0 && earlier.get(i) == progress; i--) {
            run++;
        }
        return new Reaction(Trend.STALLED, previous, progress, run);
    }

    private static void checkRange(Integer progress) {
        if (progress == null || progress < 0 || progress > DONE) {
            throw new IllegalArgumentException("progress must be 0 to 10, was " + progress);
        }
    }
}
