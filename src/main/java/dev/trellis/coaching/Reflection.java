package dev.trellis.coaching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Active listening: gives a person's own key words back to them, turned from "I" to "you", inside a reflective
 * frame that asks them to confirm or correct ("So what matters to you is more time with your team — did I get that
 * right?"). The key phrase is the clause of the answer with the most content words, without fillers, cut to a few
 * words so the reflection stays shorter than what was said. Deterministic: the same answer and {@code variant}
 * give the same text, so a re-applied turn says the same thing. English only, because the person swap is.
 */
public final class Reflection {

    static final int MAX_WORDS = 14;

    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.!?;\\n]+|,\\s*(?:but|and|because|so)\\s+|\\s+but\\s+");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:because|cause|but|and|probably|maybe|perhaps|well|so|um+|uh+|hmm+|ok(?:ay)?|honestly|basically|actually|like|yeah|yes|to be honest|you know)[,\\s]+)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSURE = Pattern.compile(
            "^(?:i\\s+)?(?:don'?t|do not|dont)\\s+know\\b.*|^(?:i'?m\\s+)?not\\s+sure\\b.*|^no\\s+idea\\b.*|^dunno\\b.*",
            Pattern.CASE_INSENSITIVE);

    /** First person to second person; "you" is left alone because in answers it is mostly the generic "you". */
    private static final Map<String, String> SWAP = Map.ofEntries(
            Map.entry("i", "you"), Map.entry("me", "you"), Map.entry("my", "your"), Map.entry("mine", "yours"),
            Map.entry("myself", "yourself"), Map.entry("i'm", "you're"), Map.entry("im", "you're"),
            Map.entry("i've", "you've"), Map.entry("ive", "you've"), Map.entry("i'll", "you'll"),
            Map.entry("i'd", "you'd"), Map.entry("we", "you"), Map.entry("us", "you"), Map.entry("our", "your"),
            Map.entry("ours", "yours"), Map.entry("ourselves", "yourselves"), Map.entry("we're", "you're"),
            Map.entry("we've", "you've"), Map.entry("we'll", "you'll"));

    private static final Set<String> SUBJECTS = Set.of("you", "you're", "you've", "you'll", "you'd", "he", "she",
            "they", "it", "there", "it's", "that's", "people", "everyone", "nobody");

    /** Verbs that change with the subject once "I" became "you". */
    private static final Map<String, String> AFTER_I = Map.of("am", "are", "was", "were", "wasn't", "weren't");

    private static final Set<String> STOP_WORDS = Set.of(Arrays.stream(("a an the and or but if so to of in on at by "
            + "for with about from as is are was were be been being am do does did have has had it its it's this that "
            + "these those there here i me my we us our you your he she they them their just really very quite "
            + "maybe think guess would could should will can not no yes some any more most much many also too then "
            + "honestly basically actually literally "
            + "than what which who when where how why all get got make want like know").split(" "))
            .toArray(String[]::new));

    private static final List<String> CLAUSE_FRAMES = List.of(
            "So {} — did I get that right?",
            "It sounds like {}. Is that right?",
            "What I'm hearing is that {}. Have I understood you?",
            "If I heard you well, {}. Is that it?");

    /** For a noun phrase or gerund ("more time with your team", "leading a team"). */
    private static final List<String> NOUN_FRAMES = List.of(
            "So what matters to you is {} — did I get that right?",
            "It sounds like it comes down to {}. Is that right?",
            "So the heart of it is {}. Have I understood you?");

    /** For anything else (an imperative, a fragment): quoting keeps it grammatical. */
    private static final List<String> QUOTE_FRAMES = List.of(
            "So, in your words: \"{}\". Did I get that right?",
            "I'm hearing \"{}\". Is that the heart of it?",
            "What stands out is \"{}\". Is that it?");

    private static final Set<String> POSSESSIVES = Set.of("your", "his", "her", "their");

    private static final Set<String> AUXILIARIES = Set.of("is", "isn't", "are", "aren't", "was", "wasn't", "were",
            "has", "hasn't", "have", "haven't", "does", "doesn't", "don't", "didn't", "can", "can't", "won't", "will",
            "would", "never", "always", "keeps", "wants", "needs", "thinks", "says");

    /** Verbs a goal or an option often starts with: "ship the release", "get promoted". */
    private static final Set<String> WANT_VERBS = Set.of("get", "be", "become", "ship", "lead", "learn", "build",
            "make", "find", "start", "stop", "finish", "improve", "give", "have", "move", "talk", "ask", "take",
            "spend", "work", "write", "run", "create", "help", "grow", "change", "try", "keep", "reduce", "increase",
            "deliver", "launch", "hire", "present", "speak", "delegate", "mentor", "own", "pass", "earn", "save",
            "focus", "read", "practise", "practice", "set", "plan", "join", "apply", "switch", "go", "feel", "do");

    private static final List<String> WANT_FRAMES = List.of(
            "So what you want is to {} — did I get that right?",
            "It sounds like you'd like to {}. Is that right?",
            "So what you're after is to {}. Have I understood you?");

    private static final Set<String> NOUN_STARTS = Set.of("the", "a", "an", "more", "less", "fewer", "better",
            "being", "having", "getting", "my", "our", "some", "time", "growth", "learning", "balance");

    private static final String UNSURE_TEXT =
            "Not knowing yet is a fine place to start. If you had to guess, what would you say?";
    private static final String EMPTY_TEXT = "I didn't catch anything there. What would you like to say?";

    /**
     * The reflection of {@code answer}. {@code variant} picks among the frames (the engine's turn number works
     * well), so consecutive reflections in one conversation do not sound the same.
     */
    public String reflect(String answer, long variant) {
        String clean = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            return EMPTY_TEXT;
        }
        if (UNSURE.matcher(clean).matches()) {
            return UNSURE_TEXT;
        }
        String phrase = keyPhrase(clean);
        if (phrase.isEmpty()) {
            return EMPTY_TEXT;
        }
        String swapped = toSecondPerson(phrase);
        List<String> frames = framesFor(swapped.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}' ]", "").split(" "));
        String frame = frames.get((int) Math.floorMod(variant, (long) frames.size()));
        return frame.replace("{}", frames == QUOTE_FRAMES ? swapped : lowerFirst(swapped));
    }

    /** Picks frames the phrase reads well in: a clause, a noun phrase, something the person wants to do, or a quote. */
    private static List<String> framesFor(String[] words) {
        String first = words[0];
        if (SUBJECTS.contains(first) || (POSSESSIVES.contains(first) && words.length > 2 && verbLike(words[2]))
                || (POSSESSIVES.contains(first) && words.length > 3 && verbLike(words[3]))) {
            return CLAUSE_FRAMES;
        }
        if (NOUN_STARTS.contains(first) || POSSESSIVES.contains(first) || (first.endsWith("ing") && first.length() > 4)) {
            return NOUN_FRAMES;
        }
        if (WANT_VERBS.contains(first)) {
            return WANT_FRAMES;
        }
        return QUOTE_FRAMES;
    }

    /** Good enough to tell "your boss micromanages you" (a clause) from "your own team" (a noun phrase). */
    private static boolean verbLike(String word) {
        return AUXILIARIES.contains(word) || (word.length() > 4 && (word.endsWith("es") || word.endsWith("ed")));
    }

    /** The clause with the most content words, without leading fillers or trailing punctuation, at most 14 words. */
    static String keyPhrase(String answer) {
        String best = "";
        int bestScore = -1;
        for (String raw : CLAUSE_BREAK.split(answer)) {
            String clause = LEADING_FILLER.matcher(raw.strip()).replaceFirst("").strip();
            int score = contentWords(clause);
            if (score > bestScore) {
                best = clause;
                bestScore = score;
            }
        }
        best = best.replaceAll("[\\s,:\\-–—]+$", "").replaceAll("^[\"'“”‘’]+|[\"'“”‘’]+$", "");
        String[] words = best.split(" ");
        if (words.length > MAX_WORDS) {
            best = String.join(" ", Arrays.copyOf(words, MAX_WORDS)).replaceAll("[,;:]$", "") + "…";
        }
        return best;
    }

    static int contentWords(String clause) {
        int count = 0;
        for (String word : clause.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (word.length() > 2 && !STOP_WORDS.contains(word)) {
                count++;
            }
        }
        return count;
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
            String core = token.replaceAll("^[^\\p{L}']+|[^\\p{L}']+$", "");
            String lower = core.toLowerCase(Locale.ROOT).replace('’', '\'');
            String replacement = SWAP.get(lower);
            if (replacement == null && previousWord.equals("i")) {
                replacement = AFTER_I.get(lower);
            }
            if (replacement != null && !core.isEmpty()) {
                out.add(token.replace(core, replacement));
            } else {
                out.add(token);
            }
            previousWord = lower;
        }
        return String.join("", out);
    }

    private static String lowerFirst(String phrase) {
        if (phrase.length() > 1 && Character.isUpperCase(phrase.charAt(0)) && !Character.isUpperCase(phrase.charAt(1))) {
            return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
        }
        return phrase;
    }
}
