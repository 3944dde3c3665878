package dev.trellis.coaching;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** One career-wheel rating: every {@link WheelArea} scored 1–10. */
public record Wheel(Map<WheelArea, Integer> scores) {

    public static final int MIN = 1;
    public static final int MAX = 10;

    /** A change in one area between two wheels. */
    public record Change(WheelArea area, int from, int to) {
        public int delta() {
            return to - from;
        }
    }

    /** @throws IllegalArgumentException when an area is missing or outside 1–10 */
    public Wheel {
        EnumMap<WheelArea, Integer> copy = new EnumMap<>(WheelArea.class);
        for (WheelArea area : WheelArea.values()) {
            Integer score = scores.get(area);
            if (score == null || score < MIN || score > MAX) {
                throw new IllegalArgumentException(area.key() + " must be rated " + MIN + " to " + MAX + ", was " + score);
            }
            copy.put(area, score);
        }
        scores = Collections.unmodifiableMap(copy);
    }

    /**
     * A wheel from scores by area key ({@code growth: 7}); numbers of any type, whole values only.
     *
     * @throws IllegalArgumentException for an unknown area, a missing one, or a score that is not a whole 1–10
     */
    public static Wheel ofKeys(Map<String, ?> byKey) {
        EnumMap<WheelArea, Integer> scores = new EnumMap<>(WheelArea.class);
        byKey.forEach((key, value) -> {
            WheelArea area = WheelArea.byKey(key)
                    .orElseThrow(() -> new IllegalArgumentException("unknown wheel area '" + key + "'"));
            if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException(key + " must be a whole number, was " + value);
            }
            scores.put(area, number.intValue());
        });
        return new Wheel(scores);
    }

    public int score(WheelArea area) {
        return scores.get(area);
    }

    /** Scores by area key, for storing and for flows. */
    public Map<String, Integer> byKey() {
        Map<String, Integer> out = new LinkedHashMap<>();
        scores.forEach((area, score) -> out.put(area.key(), score));
        return out;
    }

    /** The area that moved most since {@code previous} (the first in wheel order on a tie); empty when none moved. */
    public Optional<Change> biggestChangeSince(Wheel previous) {
        Change biggest = null;
        for (WheelArea area : WheelArea.values()) {
            Change change = new Change(area, previous.score(area), score(area));
            if (change.delta() != 0 && (biggest == null || Math.abs(change.delta()) > Math.abs(biggest.delta()))) {
                biggest = change;
            }
        }
        return Optional.ofNullable(biggest);
    }

    /** The lowest-rated area (the first in wheel order on a tie): often the best place to start. */
    public WheelArea lowest() {
        WheelArea lowest = WheelArea.GROWTH;
        for (WheelArea area : WheelArea.values()) {
            if (score(area) < score(lowest)) {
                lowest = area;
            }
        }
        return lowest;
    }
}
