package dev.trellis.coaching;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds what is worth giving back in an answer: the clause that carries a feeling, a wish or a decision, else the one
 * with the most content words, without fillers, and never cut in the middle of a phrase. Tells apart answers that
 * give nothing to reflect ("nothing really", "idk"), that are too short to paraphrase ("visibility") and that are
 * too long to sum up in a few words.
 */
final class KeyPhrase {

    /** The longest phrase given back; longer clauses are cut where a phrase ends, or not given back at all. */
    static final int MAX_WORDS = 14;
    /** Above this many words an answer holds several things, and the person is asked what matters most. */
    static final int LONG_ANSWER_WORDS = 45;
    private static final int MIN_CUT_WORDS = 4;
    /** An answer up to this long is short enough to stand in a recap as it is. */
    static final int RECAP_WORDS = 25;

    enum Shape { PHRASE, SHORT, LONG, NOTHING, UNSURE, EMPTY }

    /** The outcome: a {@code shape} and the person's {@code words} that go with it (empty for nothing to give back). */
    record Found(Shape shape, String words) {
    }

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "[.!?;]+(?=\\s|$)|\\n+|\\s+[—–-]+\\s+|,\\s*(?=(?:i|i'm|i'd|i've|i'll|we|we're|my)\\s)|,\\s*(?:but|and|because|so|although|though|while)\\s+|\\s+(?:but|although)\\s+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:no,? wait|wait(?=,)|sorry(?=,)|oops|because|cause|but|and|probably|maybe|perhaps|well|so|um+|uh+|hmm+|ok(?:ay)?|honestly|basically"
                    + "|actually|like|yeah|yes|to be honest|tbh|you know|i mean|i guess|i suppose)[,\\s]+)+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:,\\s*(?:i guess|i suppose|i think|you know|really|honestly|to be honest|if i'm honest)"
                    + "|\\s+(?:tbh|lol|haha|or something|or so))+$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSURE = Pattern.compile(
            "(?:i\\s+)?(?:don'?t|do not|dont)\\s+know\\b.*|(?:i'?m\\s+)?not\\s+sure\\b.*|no\\s+idea\\b.*|dunno\\b.*"
                    + "|idk\\b.*|no\\s+clue\\b.*|hard to say\\b.*|good question\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTHING = Pattern.compile(
            "(?:nothing|not much|not a lot|not really|none|nada|n/?a|meh|nah|nope|no|pass|skip|whatever|same as"
                    + " (?:always|usual|before)|nothing (?:really|much|yet|comes to mind|in particular))[\\s.!?…]*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern EMOJI = Pattern.compile("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");

    /** Words that carry a feeling, a wish or a decision: such a clause is what the person most needs to hear back. */
    private static final Pattern FEELING = Pattern.compile("\\b(?:feel|feels|feeling|felt|tired|exhausted|drained"
            + "|frustrat\\w*|stress\\w*|anxious|worr\\w*|afraid|scared|nervous|excit\\w*|proud|happy|unhappy|sad|angry"
            + "|annoyed|bored|stuck|torn|lonely|confus\\w*|unsure|hop(?:e|ing|eful)|grateful|disappoint\\w*"
            + "|guilty|energi[sz]\\w*|motivat\\w*|demotivat\\w*|love|hate|miss|fear|wish|dream|want|wanna|'d like"
            + "|would like|'d love|would love|need|decid\\w*|choose|should i|shall i|whether|going to|not sure"
            + "|can't decide|struggl\\w*|enjoy\\w*|care about|matters? to me|relie(?:f|ved)|glad|uneasy|overwhelm\\w*)\\b");

    private static final Set<String> STOP_WORDS = Set.of(Arrays.stream(("a an the and or but if so to of in on at by "
            + "for with about from as is are was were be been being am do does did have has had it its it's this that "
            + "these those there here i me my we us our you your he she they them their just really very quite "
            + "maybe think guess would could should will can not no yes some any more most much many also too then "
            + "honestly basically actually literally "
            + "than what which who when where how why all get got make want like know").split(" "))
            .toArray(String[]::new));

    /** A cut may end before one of these: they open a new phrase. */
    private static final Set<String> PHRASE_OPENERS = Set.of("that", "which", "who", "because", "when", "while",
            "since", "so", "and", "or", "where", "after", "before", "until", "if", "as", "but", "though");

    /** A phrase never ends on one of these: "more time with" is cut mid-phrase. */
    private static final Set<String> DANGLING = Set.of("a", "an", "the", "to", "of", "in", "on", "at", "by", "for",
            "with", "about", "from", "my", "your", "our", "their", "his", "her", "its", "i", "we", "you", "is", "are",
            "was", "be", "and", "or", "but", "very", "really", "more", "less", "not", "than", "into", "over");

    /** A short answer that starts with one of these is a whole sentence ("I'm bored"), not a topic to say more about. */
    private static final Set<String> SPEAKERS = Set.of("i", "i'm", "im", "i’m", "we", "we're", "it's", "that's");

    private KeyPhrase() {
    }

    static Found find(String answer) {
        String clean = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        String bare = withoutFillers(clean);
        // "😕" to "how are you feeling?" is an answer: worth asking about, not "I didn't catch anything"
        if (words(bare).length == 0) {
            return EMOJI.matcher(clean).find() ? new Found(Shape.SHORT, clean) : new Found(Shape.EMPTY, "");
        }
        // "not sure whether to stay" is a decision worth reflecting; a bare "not sure really" is not
        if (UNSURE.matcher(bare).matches() && words(bare).length <= 5) return new Found(Shape.UNSURE, "");
        if (NOTHING.matcher(bare).matches()) return new Found(Shape.NOTHING, "");
        if (words(clean).length > LONG_ANSWER_WORDS) return new Found(Shape.LONG, feelingClause(clean));
        String best = bestClause(clean);
        if (best.isEmpty()) return new Found(Shape.EMPTY, "");
        int length = words(best).length;
        boolean sentence = SPEAKERS.contains(bare(best.split(" ")[0])) || feeling(best);
        // "Strange, but also a relief": a short best clause in a longer answer is not a short answer
        if (length <= 2 && !sentence && words(clean).length <= 2) return new Found(Shape.SHORT, best);
        // the whole answer, but not a lead-in such as "no wait," that only says the person changed their mind
        if (length <= 2 && !sentence) return new Found(Shape.PHRASE, bare);
        if (length <= MAX_WORDS) return new Found(Shape.PHRASE, best);
        String cut = cutAtPhraseEnd(best);
        return cut.isEmpty() ? new Found(Shape.LONG, feelingClause(clean)) : new Found(Shape.PHRASE, cut);
    }

    /**
     * A short summary of an answer for a recap: the whole answer when it is short, else its key clause, cut where a
     * phrase ends (or, if no phrase ends early enough, after {@link #MAX_WORDS} words with an ellipsis).
     */
    static String summary(String answer) {
        String clean = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        if (words(clean).length <= RECAP_WORDS) return clean;
        String best = bestClause(clean);
        if (words(best).length <= MAX_WORDS) return best;
        String cut = cutAtPhraseEnd(best);
        return cut.isEmpty() ? String.join(" ", Arrays.copyOf(best.split(" "), MAX_WORDS)) + "…" : cut + "…";
    }

    /** The clause that carries a feeling, a wish or a decision, or the one with most content words. */
    static String bestClause(String answer) {
        String best = "";
        int bestScore = -1;
        for (String raw : CLAUSE_BREAK.split(answer)) {
            String clause = withoutFillers(raw);
            if (clause.isEmpty()) continue;
            int score = contentWords(clause) + (feeling(clause) ? 10 : 0);
            if (score > bestScore) {
                best = clause;
                bestScore = score;
            }
        }
        return best;
    }

    /** A short clause with a feeling in a long answer, worth naming when asking what matters most; else empty. */
    private static String feelingClause(String answer) {
        for (String raw : CLAUSE_BREAK.split(answer)) {
            String clause = withoutFillers(raw);
            int length = words(clause).length;
            if (!feeling(clause) || length < 2) continue;
            if (length <= MAX_WORDS) return clause;
            String cut = cutAtPhraseEnd(clause);
            if (!cut.isEmpty()) return cut;
        }
        return "";
    }

    static boolean feeling(String clause) {
        return FEELING.matcher(clause.toLowerCase(Locale.ROOT).replace('’', '\'')).find();
    }

    /** The longest start of {@code clause} of at most {@link #MAX_WORDS} words that ends where a phrase ends. */
    private static String cutAtPhraseEnd(String clause) {
        String[] words = clause.split(" ");
        for (int end = Math.min(MAX_WORDS, words.length - 1); end >= MIN_CUT_WORDS; end--) {
            String last = bare(words[end - 1]);
            // an opener opens a phrase only with words after it: "lose that completely" ends on a pronoun, not a clause
            boolean phraseEnds = words[end - 1].endsWith(",")
                    || PHRASE_OPENERS.contains(bare(words[end])) && words.length - end > 2;
            // nor on a word that opens a phrase: "I'm not sure whether" leaves the person's thought unsaid
            if (phraseEnds && !DANGLING.contains(last) && !PHRASE_OPENERS.contains(last) && !last.equals("whether")) {
                return String.join(" ", Arrays.copyOf(words, end)).replaceAll("[,;:]+$", "");
            }
        }
        return "";
    }

    private static String withoutFillers(String raw) {
        String s = LEADING_FILLER.matcher(raw.strip()).replaceFirst("").strip();
        s = TRAILING_FILLER.matcher(s).replaceFirst("");
        s = s.replaceAll("[\\s,:\\-–—.!?…]+$", "").replaceAll("^[\"'“”‘’]+|[\"'“”‘’]+$", "");
        return s.strip();
    }

    static int contentWords(String clause) {
        int count = 0;
        for (String word : clause.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}']+")) {
            if (word.length() > 2 && !STOP_WORDS.contains(word)) count++;
        }
        return count;
    }

    private static String[] words(String text) {
        return Arrays.stream(text.split("[^\\p{L}\\p{N}'’]+")).filter(w -> !w.isEmpty()).toArray(String[]::new);
    }

    private static String bare(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}'’]", "");
    }
}
