package dev.trellis.engine;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Runs a flow author's {@code validate.pattern} against what a person typed, with a time limit. A pattern such as
 * {@code (a+)+$} takes exponential time on some input; without a limit one message would hold a worker for hours.
 * The regex engine reads the text through {@link CharSequence#charAt}, so a text that checks the clock there stops
 * any pattern once its time is up. A pattern that runs out of time counts as not matched: the person is asked again,
 * and the flow's author should fix the pattern.
 */
final class PatternCheck {

    static final Duration LIMIT = Duration.ofMillis(100);

    private PatternCheck() {
    }

    /** Whether {@code pattern} is found in {@code text} within {@code limit}. */
    static boolean finds(String pattern, String text, Duration limit) {
        try {
            return Pattern.compile(pattern).matcher(new Timed(text, System.nanoTime() + limit.toNanos())).find();
        } catch (TimeUp e) {
            return false;
        }
    }

    private static final class TimeUp extends RuntimeException {
        TimeUp() {
            super("pattern ran out of time", null, false, false);
        }
    }

    /** The text, refusing to be read past its deadline. */
    private record Timed(String text, long deadline) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (System.nanoTime() > deadline) {
                throw new TimeUp();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Timed(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
