package dev.trellis.flow;

/** One entry of a step's {@code next}: go to {@code target} when {@code when} holds (or always when it is null). */
public record Branch(Expr when, String target, Position position) {
}
