package dev.trellis.engine;

/**
 * Active listening: turns a person's answer into a reflection of their own key words that asks them to confirm or
 * correct it ("So what matters to you is more time with your team — did I get that right?"). The coaching feature
 * provides the real one.
 */
public interface Reflector {

    /**
     * The reflective question for {@code answer}; {@code variant} varies the wording between turns. Null means "no
     * paraphrase": the engine then quotes the answer inside its {@code trellis.reflect.check} message.
     */
    String reflect(String answer, String locale, long variant);

    /** Quotes the person's words as they are. */
    Reflector QUOTE = (answer, locale, variant) -> null;
}
