package dev.trellis.coaching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Active listening: gives a person's own key words back to them, turned from "I" to "you", inside a frame that fits
 * what was asked ("So what gets in the way is that your manager keeps changing priorities"). It may be said as it
 * is (acknowledge) or followed by a check the person confirms or corrects ("— did I get that right?").
 *
 * <p>Not every answer is paraphrased: "nothing really" or "idk" gets a gentle probe, a one- or two-word answer an
 * invitation to say more about it, a long answer the question of what matters most. A quote gives the person's exact
 * words; text that is not English is only ever quoted. Deterministic: the same answer and {@code variant} give the
 * same text, so a re-applied turn says the same thing.
 */
public final class Reflection {

    /** What the question asked for; the frame of the reflection follows it. */
    public enum About { ANYTHING, WISH, OBSTACLE, EVENT, INSIGHT }

    /** What kind of reply the answer got: only a {@code PARAPHRASE} gives the person's words back to confirm. */
    public enum Kind { PARAPHRASE, SAY_MORE, WHAT_MATTERS, NOTHING, UNSURE, EMPTY }

    /**
     * A reply to an answer. For a paraphrase, {@code text} is the statement ("So what you want is to lead a team")
     * and {@code check} the question that may follow it; for the other kinds {@code text} is a question and
     * {@code check} is empty.
     */
    public record Reply(Kind kind, String text, String check) {
        public boolean paraphrase() {
            return kind == Kind.PARAPHRASE;
        }

        /** The paraphrase with its check, to be confirmed; or the probing question. */
        public String asQuestion() {
            return paraphrase() ? text + check : text;
        }

        /** The paraphrase said as it is, with nothing to answer; or the probing question. */
        public String asStatement() {
            return paraphrase() ? text + "." : text;
        }
    }

    private enum Grammar { CLAUSE, NOUN, WANT, DILEMMA, QUOTE }

    private static final Map<About, Map<Grammar, List<String>>> FRAMES = Map.of(
            About.ANYTHING, Map.of(
                    Grammar.CLAUSE, List.of("So {}", "It sounds like {}", "What I'm hearing is that {}",
                            "If I heard you well, {}"),
                    Grammar.NOUN, List.of("So what matters to you is {}", "It sounds like it comes down to {}",
                            "So the heart of it is {}"),
                    Grammar.WANT, List.of("So what you want is to {}", "It sounds like you'd like to {}",
                            "So what you're after is to {}"),
                    Grammar.QUOTE, List.of("So, in your words: \"{}\"", "I'm hearing \"{}\"",
                            "What stands out is \"{}\"")),
            About.WISH, Map.of(
                    Grammar.CLAUSE, List.of("So {}", "It sounds like {}", "So what you're hoping is that {}"),
                    Grammar.NOUN, List.of("So what you'd like is {}", "So what you're hoping for is {}"),
                    Grammar.WANT, List.of("So you'd like to {}", "So what you're after is to {}"),
                    Grammar.QUOTE, List.of("So what you're hoping for, in your words: \"{}\"",
                            "So what you'd like is \"{}\"")),
            About.OBSTACLE, Map.of(
                    Grammar.CLAUSE, List.of("So what gets in the way is that {}", "It sounds like the hard part is that {}"),
                    Grammar.NOUN, List.of("So what gets in the way is {}", "It sounds like the obstacle is {}"),
                    Grammar.WANT, List.of("So what's hard is to {}", "It sounds like the hard part is to {}"),
                    Grammar.QUOTE, List.of("So what gets in the way, in your words: \"{}\"",
                            "It sounds like the obstacle is \"{}\"")),
            About.EVENT, Map.of(
                    Grammar.CLAUSE, List.of("So {}", "So what happened is that {}", "It sounds like {}"),
                    Grammar.NOUN, List.of("So what stands out is {}", "So the moment you picked is {}"),
                    Grammar.WANT, List.of("So what stands out, in your words: \"{}\""),
                    Grammar.QUOTE, List.of("So what happened, in your words: \"{}\"", "What stands out is \"{}\"")),
            About.INSIGHT, Map.of(
                    Grammar.CLAUSE, List.of("So what you've noticed is that {}", "So your takeaway is that {}"),
                    Grammar.NOUN, List.of("So what you take from it is {}", "So what stands out for you is {}"),
                    Grammar.WANT, List.of("So what you take from it is to {}", "So your takeaway is to {}"),
                    Grammar.QUOTE, List.of("So your takeaway, in your words: \"{}\"",
                            "What you take from it is \"{}\"")));

    private static final List<String> DILEMMA_FRAMES = List.of("So you're weighing up: \"{}\"",
            "So the question you're facing is \"{}\"");

    /** A question the person means to ask someone: quoted as they wrote it, never turned into an aim. */
    private static final List<String> QUESTION_FRAMES = List.of("So your question is \"{}\"",
            "So what you want to know is \"{}\"");

    /** How a question starts: "Do my retros end with actions?", "What's one thing I could do better?". */
    private static final Set<String> QUESTION_STARTS = Set.of("do", "does", "did", "is", "are", "am", "was", "were",
            "can", "could", "would", "will", "should", "shall", "have", "has", "what", "what's", "how", "why", "when",
            "where", "who", "which", "whose");

    private static final List<String> CHECKS = List.of(" — did I get that right?", ". Is that right?",
            ". Have I understood you?", ". Is that it?");

    private static final List<String> SAY_MORE = List.of("Say a little more about \"{}\": what does it mean for you?",
            "Tell me more about \"{}\". What does that look like for you?",
            "\"{}\": could you say a bit more about that?");

    private static final String LONG_TEXT = "There's a lot here. Of all of it, what matters most to you?";
    private static final String LONG_WITH_FEELING =
            "There's a lot here. I noticed you said \"{}\". Of all of it, what matters most to you?";
    private static final String UNSURE_TEXT =
            "Not knowing yet is a fine place to start. If you had to guess, what would you say?";
    private static final String NOTHING_TEXT =
            "That's okay, nothing has to come to mind straight away. If there were one small thing, what might it be?";
    private static final String EMPTY_TEXT = "I didn't catch anything there. What would you like to say?";

    private static final Pattern INSIGHT_LEAD = Pattern.compile("^(?:i|we)\\s+(?:have\\s+|'ve\\s+)?(?:learned|learnt"
            + "|realised|realized|noticed|found out|discovered|saw|see|think|believe)(?:\\s+that)?\\s+(?=\\S+\\s+\\S+)",
            Pattern.CASE_INSENSITIVE);

    /** "To lead a team", "That I enjoy teaching": the link word belongs to the question, not to the answer. */
    private static final Pattern LEADING_LINK = Pattern.compile("^(?:to|that)\\s+(?=\\S+\\s+\\S+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SUBJECTLESS_STATE = Pattern.compile(
            "(?:(?:just|really|so|very|quite|a bit|a little|kind of|pretty)\\s+)?(?:not sure|unsure|torn|stuck|tired"
                    + "|bored|exhausted|drained|frustrated|worried|anxious|nervous|lost|confused|excited|curious|proud"
                    + "|happy)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> SUBJECTS = Set.of("you", "you're", "you've", "you'll", "you'd", "he", "she",
            "they", "it", "there", "it's", "that's", "people", "everyone", "nobody", "someone", "things");

    private static final Set<String> BE = Set.of("is", "are", "was", "were", "isn't", "aren't", "wasn't");

    private static final Set<String> DILEMMA_STARTS = Set.of("should", "shall", "whether", "do", "can", "could");

    private static final Set<String> POSSESSIVES = Set.of("your", "his", "her", "their");

    private static final Set<String> AUXILIARIES = Set.of("is", "isn't", "are", "aren't", "was", "wasn't", "were",
            "has", "hasn't", "have", "haven't", "does", "doesn't", "don't", "didn't", "can", "can't", "won't", "will",
            "would", "never", "always", "keeps", "wants", "needs", "thinks", "says");

    /** Short verbs that, after a subject, make a sentence: "the team runs", "being seen matters". */
    private static final Set<String> THIRD_PERSON_VERBS = Set.of("runs", "gets", "goes", "does", "sees", "asks",
            "takes", "makes", "gives", "knows", "feels", "helps", "works", "matters", "means", "counts", "pays",
            "comes", "looks", "seems", "sits", "stays", "falls", "moves", "ships", "lands");

    /** Verbs a goal or an option often starts with: "ship the release", "get promoted". */
    private static final Set<String> WANT_VERBS = Set.of("get", "be", "become", "ship", "lead", "learn", "build",
            "make", "find", "start", "stop", "finish", "improve", "give", "have", "move", "talk", "ask", "take",
            "spend", "work", "write", "run", "create", "help", "grow", "change", "try", "keep", "reduce", "increase",
            "deliver", "launch", "hire", "present", "speak", "delegate", "mentor", "own", "pass", "earn", "save",
            "focus", "read", "practise", "practice", "set", "plan", "join", "apply", "switch", "go", "feel", "do",
            "say", "share", "book", "schedule", "block", "protect", "prepare", "agree", "send", "call", "meet");

    private static final Set<String> NOUN_STARTS = Set.of("the", "a", "an", "more", "less", "fewer", "better",
            "being", "having", "getting", "my", "our", "some", "time", "growth", "learning", "balance", "lack", "too",
            "no", "not", "enough");

    /** The reply to {@code answer} to a question about {@code about}; {@code variant} picks among the wordings. */
    public Reply listen(String answer, About about, long variant) {
        KeyPhrase.Found found = KeyPhrase.find(answer);
        return switch (found.shape()) {
            case EMPTY -> new Reply(Kind.EMPTY, EMPTY_TEXT, "");
            case UNSURE -> new Reply(Kind.UNSURE, UNSURE_TEXT, "");
            case NOTHING -> new Reply(Kind.NOTHING, NOTHING_TEXT, "");
            case SHORT -> new Reply(Kind.SAY_MORE, pick(SAY_MORE, variant).replace("{}", found.words()), "");
            case LONG -> new Reply(Kind.WHAT_MATTERS, found.words().isEmpty() ? LONG_TEXT
                    : LONG_WITH_FEELING.replace("{}", found.words()), "");
            case PHRASE -> paraphrase(found.words(), about, variant, answer.strip().endsWith("?"));
        };
    }

    /** The reflection of {@code answer} as a question to confirm (or a probe), framed for any question. */
    public String reflect(String answer, long variant) {
        return listen(answer, About.ANYTHING, variant).asQuestion();
    }

    /** True when the answer gives nothing to paraphrase: {@link #listen} then returns a probing question. */
    public boolean givesNothingToReflect(String answer) {
        return !listen(answer, About.ANYTHING, 0).paraphrase();
    }

    private static Reply paraphrase(String phrase, About about, long variant, boolean asked) {
        String check = pick(CHECKS, variant / 3);
        String first = phrase.toLowerCase(Locale.ROOT).replace('’', '\'').split("\\s+")[0];
        // "Do my retros end with actions?" is a question to ask, not "to do your retros end with actions"; "Should I
        // stay?" stays a dilemma
        if (asked && QUESTION_STARTS.contains(first) && !dilemma(phrase)) {
            return new Reply(Kind.PARAPHRASE, pick(QUESTION_FRAMES, variant).replace("{}", phrase + "?"), check);
        }
        if (!Pronouns.english(phrase)) {
            return new Reply(Kind.PARAPHRASE, pick(FRAMES.get(about).get(Grammar.QUOTE), variant).replace("{}", phrase),
                    check);
        }
        // "what you've noticed is that you learned that..." says the same thing twice
        String said = LEADING_LINK.matcher(phrase).replaceFirst("");
        if (about == About.INSIGHT) said = INSIGHT_LEAD.matcher(said).replaceFirst("");
        String swapped = Pronouns.toSecondPerson(said);
        // "not sure whether to apply" has lost its subject to the filler before it; give it back
        if (SUBJECTLESS_STATE.matcher(swapped).lookingAt()) swapped = "you're " + lowerFirst(swapped);
        Grammar grammar = grammarOf(swapped.toLowerCase(Locale.ROOT).replace('’', '\'')
                .replaceAll("[^\\p{L}' ]", "").strip().split(" +"));
        List<String> frames = grammar == Grammar.DILEMMA ? DILEMMA_FRAMES : FRAMES.get(about).get(grammar);
        String frame = pick(frames, variant);
        // a quote keeps the person's exact words: "I" stays "I" inside quotation marks
        String words = frame.contains("\"{}\"") ? said : lowerFirst(swapped);
        return new Reply(Kind.PARAPHRASE, frame.replace("{}", words), check);
    }

    private static boolean dilemma(String phrase) {
        String[] words = phrase.toLowerCase(Locale.ROOT).split("\\s+");
        return words.length > 1 && DILEMMA_STARTS.contains(words[0]) && (words[1].equals("i") || words[1].equals("we"));
    }

    /** Picks frames the phrase reads well in: a clause, a noun phrase, an intention, a dilemma, or a quote. */
    private static Grammar grammarOf(String[] words) {
        String first = words[0];
        if (DILEMMA_STARTS.contains(first) && words.length > 1 && words[1].equals("you") || first.equals("whether")) {
            return Grammar.DILEMMA;
        }
        if (SUBJECTS.contains(first) || (POSSESSIVES.contains(first) && words.length > 2 && verbLike(words[2]))
                || (POSSESSIVES.contains(first) && words.length > 3 && verbLike(words[3]))) {
            return Grammar.CLAUSE;
        }
        // "feedback is a habit", "letting go is a skill": a subject and a verb make a sentence, not a noun phrase; so do
        // "the team runs a release", "the template is out" and "talking about it makes it real"
        if (words.length > 2 && (BE.contains(words[1]) || first.endsWith("ing") && BE.contains(words[2]))) {
            return Grammar.CLAUSE;
        }
        if (words.length > 2 && (NOUN_STARTS.contains(first) || POSSESSIVES.contains(first))
                && (BE.contains(words[2]) || verbLike(words[2]) || THIRD_PERSON_VERBS.contains(words[2]))) {
            return Grammar.CLAUSE;
        }
        if (first.endsWith("ing") && first.length() > 4 && words.length > 2 && (THIRD_PERSON_VERBS.contains(words[2])
                || words.length > 3 && THIRD_PERSON_VERBS.contains(words[3]))) {
            return Grammar.CLAUSE;
        }
        if (NOUN_STARTS.contains(first) || POSSESSIVES.contains(first) || (first.endsWith("ing") && first.length() > 4)) {
            return Grammar.NOUN;
        }
        if (WANT_VERBS.contains(first)) return Grammar.WANT;
        return Grammar.QUOTE;
    }

    /** Good enough to tell "your boss micromanages you" (a clause) from "your own team" (a noun phrase). */
    private static boolean verbLike(String word) {
        return AUXILIARIES.contains(word) || (word.length() > 4 && (word.endsWith("es") || word.endsWith("ed")));
    }

    private static String pick(List<String> options, long variant) {
        return options.get((int) Math.floorMod(variant, (long) options.size()));
    }

    private static String lowerFirst(String phrase) {
        if (phrase.length() > 1 && Character.isUpperCase(phrase.charAt(0)) && !Character.isUpperCase(phrase.charAt(1))
                && !phrase.startsWith("I ") && !phrase.startsWith("I'")) {
            return Character.toLowerCase(phrase.charAt(0)) + phrase.substring(1);
        }
        return phrase;
    }
}
