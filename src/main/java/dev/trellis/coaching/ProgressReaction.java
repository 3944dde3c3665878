package dev.trellis.coaching;

import java.util.List;

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
     * The reaction.
     *
     * @param stalledFor how many check-ins in a row (this one included) had this same figure; 1 unless stalled
     */
    public record Reaction(Trend trend, int from, int to, int stalledFor, String text) {
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
            return new Reaction(Trend.FINISHED, previous, progress, 1,
                    "10 out of 10 — you did it! Take a moment to enjoy that. What helped most, and how will you mark it?");
        }
        if (previous < 0) {
            return new Reaction(Trend.FIRST, progress, progress, 1,
                    "So you're starting from " + progress + ". That's our baseline — now we can see it move.");
        }
        if (progress > previous) {
            return new Reaction(Trend.UP, previous, progress, 1, "Up from " + previous + " to " + progress
                    + " — that's real movement. What made the difference?");
        }
        if (progress < previous) {
            return new Reaction(Trend.DOWN, previous, progress, 1, "It went from " + previous + " to " + progress
                    + ". That happens, and it's useful to notice. What got in the way?");
        }
        int run = 1;
        for (int i = earlier.size() - 1; i >= 0 && earlier.get(i) == progress; i--) {
            run++;
        }
        return new Reaction(Trend.STALLED, previous, progress, run, "Still at " + progress + ", "
                + (run == 2 ? "same as last time" : run + " check-ins in a row")
                + ". What is the smallest step that would make it a " + (progress + 1) + "?");
    }

    private static void checkRange(Integer progress) {
        if (progress == null || progress < 0 || progress > DONE) {
            throw new IllegalArgumentException("progress must be 0 to 10, was " + progress);
        }
    }
}
