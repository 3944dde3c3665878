package dev.trellis.engine;

/**
 * Active listening: turns a person's answer into a reflection of their own key words that asks them to confirm or
 * correct it ("So what matters to you is more time with your team — did I get that right?"), or, when the answer
 * gives nothing to reflect ("I don't know"), into a gentle probe that asks again. The coaching feature provides the
 * real one.
 */
public interface Reflector {

    /**
     * The reply to {@code answer}; {@code variant} varies the wording between turns. Null means "no paraphrase":
     * the engine then quotes the answer inside its {@code trellis.reflect.check} message.
     */
    Reply reflect(String answer, String locale, long variant);

    /** A reflection to confirm with yes/no, or ({@code probe}) a follow-up question answered in the person's words. */
    record Reply(String text, boolean probe) {
        public static Reply confirm(String text) {
            return new Reply(text, false);
        }

        public static Reply probe(String text) {
            return new Reply(text, true);
        }
    }

    /** Quotes the person's words as they are. */
    Reflector QUOTE = (answer, locale, variant) -> null;
}
