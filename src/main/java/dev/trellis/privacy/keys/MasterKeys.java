package dev.trellis.privacy.keys;

import java.nio.file.Path;

/**
 * The master key new data keys are wrapped with; during a rotation also the one they are being rewrapped with
 * ({@code next}); and the file the key lives in for the embedded default (null when it came from
 * {@code TRELLIS_MASTER_KEY}). A data key wrapped by any other master key cannot be opened: {@link #forId} says so in
 * words an operator can act on.
 */
record MasterKeys(MasterKey current, MasterKey next, Path file) {

    boolean knows(String id) {
        return current.id().equals(id) || next != null && next.id().equals(id);
    }

    MasterKey forId(String id) {
        if (current.id().equals(id)) {
            return current;
        }
        if (next != null && next.id().equals(id)) {
            return next;
        }
        throw new IllegalStateException("A data key is wrapped by master key " + id + ", but the configured master key "
                + "is " + current.id() + ": TRELLIS_MASTER_KEY is wrong (or a rotation was not finished)");
    }

    /** Where a rotation keeps the new key until every data key is rewrapped with it. */
    static Path nextFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".next");
    }
}
