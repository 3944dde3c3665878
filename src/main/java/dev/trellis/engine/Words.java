package dev.trellis.engine;

import dev.trellis.flow.MessageBundle;

import java.util.List;
import java.util.Locale;

/**
 * Recognises the words a person may type instead of clicking: interrupts (help, back, stop, menu, pause) and
 * yes/no, in the person's language, from {@code trellis.words.*} in the message bundle.
 */
final class Words {

    enum Interrupt { HELP, BACK, STOP, MENU, PAUSE }

    private final MessageBundle messages;

    Words(MessageBundle messages) {
        this.messages = messages;
    }

    boolean is(String word, String typed, String locale) {
        String normalized = normalize(typed);
        List<String> forms = messages.variants(locale, "trellis.words." + word);
        for (String form : forms) {
            if (normalize(form).equals(normalized)) return true;
        }
        return false;
    }

    /** The forms of {@code trellis.words.<word>} in {@code locale}. */
    List<String> forms(String word, String locale) {
        return messages.variants(locale, "trellis.words." + word);
    }

    /** Reads typed yes/no replies with the words of {@code locale}. */
    TypedReply replies(String locale) {
        return new TypedReply(messages.variants(locale, "trellis.words.yes"),
                messages.variants(locale, "trellis.words.agree"), messages.variants(locale, "trellis.words.no"),
                messages.variants(locale, "trellis.words.but"));
    }

    /**
     * {@code typed} without a lead-in that only says "instead" ("rather: ship the API docs", "let's say ship the API
     * docs"), from {@code trellis.words.instead}; the person's words themselves are kept as typed.
     */
    String withoutLeadIn(String typed, String locale) {
        String text = typed.strip();
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        List<String> forms = messages.variants(locale, "trellis.words.instead").stream()
                .map(form -> form.strip().toLowerCase(Locale.ROOT).replace('’', '\''))
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String f : forms) {
            if (!f.isEmpty() && lower.startsWith(f) && (lower.length() == f.length()
                    || !Character.isLetterOrDigit(lower.charAt(f.length())))) {
                return text.substring(f.length()).replaceFirst("^[\\s,.;:!—–-]+", "").strip();
            }
        }
        return text;
    }

    Interrupt interrupt(String typed, String locale) {
        return interrupt(typed, locale, false);
    }

    /**
     * The interrupt {@code typed} asks for, or null. {@code exact}: only the command word itself (the first form of
     * each, "help", "back", "stop", "menu", "pause", and "cancel") counts, because an open question is being
     * answered and "later" or "previous" may well be the answer.
     */
    Interrupt interrupt(String typed, String locale, boolean exact) {
        if (typed == null || typed.length() > 40) return null;
        String normalized = normalize(typed);
        for (Interrupt i : Interrupt.values()) {
            String word = i.name().toLowerCase(Locale.ROOT);
            if (!exact && is(word, typed, locale)) return i;
            if (exact && messages.variants(locale, "trellis.words.command." + word).stream()
                    .anyMatch(form -> normalize(form).equals(normalized))) {
                return i;
            }
        }
        return null;
    }

    static String normalize(String s) {
        String lower = s.strip().toLowerCase(Locale.ROOT).replaceAll("^/+", "");
        String trimmed = lower.replaceAll("[.!?]+$", "").strip();
        return trimmed.isEmpty() ? lower : trimmed;
    }
}
