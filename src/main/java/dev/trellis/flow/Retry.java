package dev.trellis.flow;

/** How often an invalid answer is asked again, and where to go after that ({@code then}; null = stay). */
public record Retry(int max, String then, Position position) {

    public static final Retry DEFAULT = new Retry(3, null, null);
}
