package dev.trellis.flow;

/** One problem a flow author can act on, printed as {@code file:line:col: message}. */
public record FlowError(Position position, String message) implements Comparable<FlowError> {

    @Override
    public String toString() {
        return position + ": " + message;
    }

    @Override
    public int compareTo(FlowError o) {
        int c = position.file().compareTo(o.position.file());
        if (c == 0) c = Integer.compare(position.line(), o.position.line());
        if (c == 0) c = Integer.compare(position.column(), o.position.column());
        return c;
    }
}
