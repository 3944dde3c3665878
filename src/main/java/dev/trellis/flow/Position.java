package dev.trellis.flow;

/** Where something stands in a flow file; lines and columns count from 1. */
public record Position(String file, int line, int column) {

    public static Position unknown(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
