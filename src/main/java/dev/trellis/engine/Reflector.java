package dev.trellis.engine;

/**
 * Active listening: turns a person's answer into a reflection of their own key words ("So what matters to you is
 * more time with your team"), to be confirmed or just said, or, when the answer gives little to reflect ("I don't
 * know", one word, a long ramble), into a gentle probe that asks again. Also notices answers that speak of
 * distress, which are never paraphrased: the person gets care and a signpost instead. The coaching feature provides
 * the real one.
 */
public interface Reflector {

    /**
     * The reply to {@code answer} to a question about {@code about} (wish, obstacle, event, insight, or null);
     * {@code variant} varies the wording between turns. Null means "no paraphrase": the engine then quotes the
     * answer inside its {@code trellis.reflect.check} message, or only thanks the person when acknowledging.
     */
    Reply reflect(String answer, String locale, String about, long variant);

    /**
     * Null, or what to say when {@code answer} speaks of distress (burnt out, can't cope, harassment, self-harm):
     * an acknowledgement and where to find help. The flow then pauses and asks whether to go on.
     */
    default String care(String answer, String locale) {
        return null;
    }

    /**
     * A reflection: {@code text} to confirm with yes/no, {@code statement} to say when only acknowledging; or
     * ({@code probe}) a follow-up question in {@code text}, answered in the person's words.
     */
    record Reply(String text, String statement, boolean probe) {
        public static Reply confirm(String question, String statement) {
            return new Reply(question, statement, false);
        }

        public static Reply probe(String text) {
            return new Reply(text, text, true);
        }
    }

    /** Quotes the person's words as they are. */
    Reflector QUOTE = (answer, locale, about, variant) -> null;
}
