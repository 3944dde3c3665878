package dev.trellis.engine;

/**
 * The one place where text a person wrote is turned into what is stored and back: transcripts, the flow's
 * variables, outbound messages (which may quote the person), inbox events and coaching records all pass through it.
 * The production implementation encrypts with the person's own data key (see {@code dev.trellis.privacy.keys}), so
 * destroying that key makes every stored copy unreadable.
 *
 * <p>{@code personId} is the Trellis person id the text belongs to (never a platform or conversation id). An
 * implementation never stores clear text silently: sealing without a person id, or without a usable key, throws.
 *
 * <p>The inbox stores an event on the platform's acknowledgement path, before the person behind it is known (resolving
 * them would cost a round trip there). Such text is sealed {@linkplain #sealInTransit in transit}: with a short-lived
 * key shared by all people, bound to {@code context} (the inbox key), and kept only until the event is processed.
 */
public interface FreeTextCodec {

    /** The stored form of {@code text} under person {@code personId}'s key; null stays null. */
    String seal(String personId, String text);

    /**
     * The text from its stored form; null stays null. Throws when it cannot be read (the person's key was destroyed:
     * they erased their data).
     */
    String open(String personId, String stored);

    /** The stored form of {@code text} before its person is known, bound to {@code context}; null stays null. */
    String sealInTransit(String context, String text);

    /** The text sealed by {@link #sealInTransit} with the same {@code context}; throws once its key has expired. */
    String openInTransit(String context, String stored);

    /** Stores text unchanged: for tests of parts that do not care how text is stored. */
    FreeTextCodec PLAIN = new FreeTextCodec() {
        @Override
        public String seal(String personId, String text) {
            return text;
        }

        @Override
        public String open(String personId, String stored) {
            return stored;
        }

        @Override
        public String sealInTransit(String context, String text) {
            return text;
        }

        @Override
        public String openInTransit(String context, String stored) {
            return stored;
        }
    };
}
