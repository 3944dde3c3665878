package dev.trellis.privacy.keys;

/** Sealed text that cannot be opened: its key was destroyed (an erasure, an expired transit key) or it was altered. */
public final class UnreadableText extends IllegalStateException {

    UnreadableText(String reason) {
        super(reason);
    }
}
