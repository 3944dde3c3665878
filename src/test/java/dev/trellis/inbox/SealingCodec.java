package dev.trellis.inbox;

import dev.trellis.engine.FreeTextCodec;

/**
 * A codec whose stored form is visibly different from the text, so tests see that every write went through it.
 * Text starting with {@code unreadable} cannot be opened again, like a note encrypted with a lost key.
 */
class SealingCodec implements FreeTextCodec {

    static final String PREFIX = "sealed:";

    @Override
    public String seal(String owner, String text) {
        return text == null ? null : PREFIX + text;
    }

    @Override
    public String open(String owner, String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            return stored; // like the real codec: text that needed no key (an apology to a person not known yet)
        }
        if (stored.startsWith(PREFIX + "unreadable")) {
            throw new IllegalStateException("cannot open");
        }
        return stored.substring(PREFIX.length());
    }

    @Override
    public String sealInTransit(String context, String text) {
        return seal(context, text);
    }

    @Override
    public String openInTransit(String context, String stored) {
        return open(context, stored);
    }
}
