package dev.trellis.engine;

/**
 * What a person typed, with the characters that carry no meaning for a coach taken out before anything reads,
 * stores or echoes it: control characters (a stray bell or escape from a paste), zero-width spaces and joiners, byte
 * order marks, soft hyphens, and the bidirectional overrides and isolates that can make a stored answer read
 * differently from what it says ("Trojan Source"). Line breaks and tabs stay; an emoji joined into one picture
 * (👩‍💻) keeps its joiner. Every channel's typed text passes through here, so "blank" means the same in Slack, Teams and
 * the web chat.
 */
public final class TypedText {

    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private TypedText() {
    }

    /** {@code text} without invisible and control characters; null stays null. */
    public static String clean(String text) {
        if (text == null) return null;
        StringBuilder kept = null;
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            boolean drop = dropped(cp, previous, text, i + width);
            if (drop && kept == null) {
                kept = new StringBuilder(text.length()).append(text, 0, i);
            } else if (!drop && kept != null) {
                kept.appendCodePoint(cp);
            }
            if (!drop) previous = cp;
            i += width;
        }
        String result = kept == null ? text : kept.toString();
        return result.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Nothing a person could read: empty, spaces, or only invisible characters. */
    public static boolean isBlank(String text) {
        return text == null || clean(text).isBlank();
    }

    private static boolean dropped(int cp, int previous, String text, int next) {
        if (cp == '\n' || cp == '\t' || cp == '\r') return false;
        int type = Character.getType(cp);
        if (type == Character.CONTROL) return true;
        if (type != Character.FORMAT) return false;
        // a joiner between two pictures makes one emoji (👩‍💻); anywhere else it is an invisible character
        return cp != ZERO_WIDTH_JOINER || !picture(previous) || next >= text.length()
                || !picture(text.codePointAt(next));
    }

    private static boolean picture(int cp) {
        return cp >= 0 && (Character.getType(cp) == Character.OTHER_SYMBOL || cp == 0xFE0F
                || (cp >= 0x1F3FB && cp <= 0x1F3FF));
    }
}
