package dev.trellis.coaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a person's English words from "I" to "you" and tells English text from text in another language, which is
 * never swapped: "ich will mehr Zeit" must not become "ich will more time", and a swapped word inside someone else's
 * grammar would read as a mistake.
 */
final class Pronouns {

    /** First person to second person; "you" is left alone because in answers it is mostly the generic "you". */
    private static final Map<String, String> SWAP = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("i'm", "you're"), Map.entry("im", "you're"),
            Map.entry("i've", "you've"), Map.entry("ive", "you've"), Map.entry("i'll", "you'll"),
            Map.entry("i'd", "you'd"), Map.entry("we", "you"), Map.entry("us", "you"), Map.entry("our", "your"),
            Map.entry("ours", "yours"), Map.entry("ourselves", "yourselves"), Map.entry("we're", "you're"),
            Map.entry("we've", "you've"), Map.entry("we'll", "you'll"));

    /** Verbs that change with the subject once "I" became "you". */
    private static final Map<String, String> AFTER_I = Map.of("am", "are", "was", "were", "wasn't", "weren't");

    /** Short, frequent English words: text with none of them is probably not English. */
    private static final Set<String> ENGLISH = Set.of("i", "i'm", "my", "me", "we", "our", "you", "the", "a", "an",
            "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "is", "are", "was", "be", "it", "it's",
            "that", "this", "not", "no", "more", "less", "want", "would", "like", "have", "had", "do", "don't", "can",
            "get", "feel", "work", "team", "time", "what", "how", "so", "too", "very", "about", "from", "by", "will");

    /** Frequent words of the languages people here write in when they don't write English. */
    private static final Set<String> FOREIGN = Set.of(
            "ich", "und", "nicht", "mit", "mein", "meine", "meinen", "mehr", "ist", "bin", "das", "der", "ein",
            "eine", "zu", "für", "auf", "wir", "uns", "unser", "habe", "möchte", "will", "gerne", "aber", "auch",
            "je", "et", "est", "les", "une", "pour", "avec", "mon", "ma", "mes", "pas", "plus", "suis", "veux", "nous",
            "yo", "mi", "mis", "es", "el", "los", "las", "para", "quiero", "más", "muy", "pero", "por", "estoy",
            "ik", "het", "een", "niet", "meer", "mijn", "wil", "io", "il", "sono", "della", "voglio", "più");

    private Pronouns() {
    }

    /**
     * True when {@code text} reads as English: Latin script and at least as many frequent English words as
     * frequent words of another language ("will" counts for both, so it cannot tip the balance).
     */
    static boolean english(String text) {
        int english = 0;
        int foreign = 0;
        for (String word : text.toLowerCase(Locale.ROOT).replace('’', '\'').split("[^\\p{L}']+")) {
            if (word.isEmpty()) continue;
            if (!word.matches("[\\p{IsLatin}']+")) return false;
            boolean en = ENGLISH.contains(word);
            boolean other = FOREIGN.contains(word);
            if (en && !other) english++;
            if (other && !en) foreign++;
        }
        return foreign == 0 || english > foreign;
    }

    /** Swaps first-person words for second-person ones, keeping the person's other words and their case. */
    static String toSecondPerson(String phrase) {
        String[] tokens = phrase.split("(?<=\\s)|(?=\\s)");
        List<String> out = new ArrayList<>(tokens.length);
        String previousWord = "";
        for (String token : tokens) {
            if (token.isBlank()) {
                out.add(token);
                continue;
            }
            String core = token.replaceAll("^[^\\p{L}'’]+|[^\\p{L}'’]+$", "");
            String lower = core.toLowerCase(Locale.ROOT).replace('’', '\'');
            String replacement = SWAP.get(lower);
            if (replacement == null && previousWord.equals("i")) {
                replacement = AFTER_I.get(lower);
            }
            out.add(replacement != null && !core.isEmpty() ? token.replace(core, replacement) : token);
            previousWord = lower;
        }
        return String.join("", out);
    }
}
