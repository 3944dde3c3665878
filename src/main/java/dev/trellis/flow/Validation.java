package dev.trellis.flow;

/**
 * Rules for an {@code ask} answer. All fields are optional. For dates, {@code notInPast} refuses a date before
 * today in the person's timezone. {@code rule} is a CEL expression over {@code answer} and the flow's variables;
 * {@code message} replaces the default re-ask text.
 */
public record Validation(Integer minLength, Integer maxLength, Double min, Double max, String pattern,
                         boolean notInPast, Expr rule, Text message) {

    public static final Validation NONE = new Validation(null, null, null, null, null, false, null, null);
}
