package dev.trellis.flow;

import java.util.List;

/**
 * Messages from {@code conversation-flows/messages/<locale>.yaml}. A key may hold one text or a list of variants.
 * Lookup falls back from {@code de-AT} to {@code de} to {@code en}.
 */
public interface MessageBundle {

    /** The variants of a message for a locale (falling back to {@code en}); empty when the key is unknown. */
    List<String> variants(String locale, String key);

    default boolean has(String key) {
        return !variants("en", key).isEmpty();
    }
}
