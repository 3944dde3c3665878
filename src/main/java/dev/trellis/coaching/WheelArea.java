package dev.trellis.coaching;

import java.util.Arrays;
import java.util.Optional;

/** The eight areas of the career wheel, each rated 1–10: how satisfied the person is with that part of work life. */
public enum WheelArea {
    GROWTH("growth", "Growth & learning"),
    PURPOSE("purpose", "Purpose & values"),
    AUTONOMY("autonomy", "Autonomy"),
    VARIETY("variety", "Variety & challenge"),
    RELATIONSHIPS("relationships", "Relationships"),
    RECOGNITION("recognition", "Recognition & reward"),
    ENVIRONMENT("environment", "Environment"),
    BALANCE("balance", "Work-life balance");

    private final String key;
    private final String label;

    WheelArea(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The name flows and documents use ({@code growth}). */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public static Optional<WheelArea> byKey(String key) {
        return Arrays.stream(values()).filter(area -> area.key.equals(key)).findFirst();
    }
}
