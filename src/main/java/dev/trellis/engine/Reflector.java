package dev.trellis.engine;

/**
 * Active listening: turns a person's answer into a short paraphrase in their own key words ("you want to ..."),
 * which the engine offers back for confirmation. The coaching feature provides the real one; {@link #ECHO}
 * keeps the person's words as they are.
 */
public interface Reflector {

    /** A paraphrase of {@code answer} for the person, in second person, without a question mark. */
    String paraphrase(String answer, String locale);

    Reflector ECHO = (answer, locale) -> answer.strip();
}
