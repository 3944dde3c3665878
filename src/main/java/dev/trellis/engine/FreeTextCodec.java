package dev.trellis.engine;

/**
 * The one place where text a person wrote is turned into what is stored and back: transcripts, the flow's
 * variables, outbound messages (which may quote the person) and inbox events all pass through it. Today it stores
 * text as it is; encryption at rest per person plugs in here.
 *
 * <p>{@code owner} is the conversation id ({@code channel:workspace:userId}) the text belongs to.
 */
public interface FreeTextCodec {

    /** The stored form of {@code text}; null stays null. */
    String seal(String owner, String text);

    /** The text from its stored form; null stays null. */
    String open(String owner, String stored);

    /** Stores text unchanged. */
    FreeTextCodec PLAIN = new FreeTextCodec() {
        @Override
        public String seal(String owner, String text) {
            return text;
        }

        @Override
        public String open(String owner, String stored) {
            return stored;
        }
    };
}
