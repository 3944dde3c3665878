package dev.trellis.flow;

/** A literal option of a {@code choice}: the value saved and the label shown. */
public record Option(String value, Text label) {
}
