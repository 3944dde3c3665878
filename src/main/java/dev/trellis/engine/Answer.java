package dev.trellis.engine;

import java.util.Map;

/** The result of reading a person's answer to a question. */
sealed interface Answer {

    /** A usable answer: {@code value} is saved, {@code display} is shown when the question is replaced. */
    record Valid(Object value, String display) implements Answer {
    }

    /** Not usable: {@code messageKey} (under {@code trellis.retry}) explains why, with {@code args} for it. */
    record Invalid(String messageKey, Map<String, Object> args) implements Answer {
        Invalid(String messageKey) {
            this(messageKey, Map.of());
        }
    }
}
