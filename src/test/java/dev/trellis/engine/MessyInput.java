package dev.trellis.engine;

import dev.trellis.coaching.Wellbeing;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The kinds of messy input a transcript can claim in its {@code messy:} list, and how a typed answer is recognised
 * as one of them, given the question that was open when it was typed. A transcript's claim is checked against what
 * its person actually typed (see {@link TranscriptRunner}), so "messy" cannot be a label stuck on a clean run.
 */
enum MessyInput {
    /** A yes typed in words to a yes/no check ("yep that's it", "spot on", "yes, but more about ..."). */
    TYPED_CONFIRMATION("typed-confirmation"),
    /** A date written in words to a date question ("Friday", "next Tue", "end of month", "4 Dec"). */
    DATE_IN_WORDS("date-in-words"),
    /** "nothing really", "idk", "meh", "n/a", "not sure": nothing to reflect. */
    NOTHING("nothing-really"),
    /** One or two words to an open question ("visibility", "the demo"). */
    ONE_WORD("one-word"),
    /** A rambling answer: forty words or more, or 250 characters. */
    RAMBLING("rambling"),
    /** A misspelling or chat shorthand ("dont", "becuase", "tbh", "u"). */
    TYPO("typo"),
    /** A change of mind typed as such: "no wait, ...", "actually, ...", "sorry, I mean ...". */
    CHANGE_OF_MIND("change-of-mind"),
    /** Words the wellbeing guardrail notices ("burnt out", "can't cope", "overwhelmed"). */
    DISTRESS("distress"),
    /** An answer in another language than the person's. */
    NON_ENGLISH("non-english"),
    /** An emoji in the answer. */
    EMOJI("emoji"),
    /** An answer that looks empty: only spaces, dots, dashes or invisible characters. */
    EMPTY("empty"),
    /** A button's label typed instead of clicking it (a rating typed, in figures or words, instead of clicked). */
    TYPED_LABEL("typed-label"),
    /** Asking to skip a question in words ("skip", "pass", "rather not say"). */
    SKIP("skip"),
    /** Typing "back" to return to the previous question. */
    BACK("back");

    private static final Pattern NOTHING_WORDS = Pattern.compile("^(?:nothing(?: really| much| comes to mind)?"
            + "|not (?:much|really|sure)|n/?a|idk|i don'?t know|dunno|no (?:clue|idea)|meh|none|nope, nothing"
            + "|keine ahnung|nichts(?: wirklich)?|weiß nicht|weiss nicht)\\b");
    // common misspellings and chat shorthand: a dictionary would be truer, but none ships with the tests
    private static final Pattern TYPOS = Pattern.compile("\\b(?:dont|cant|wont|didnt|doesnt|isnt|wasnt|im|ive|thats"
            + "|teh|becuase|beacuse|recieve|alot|definately|tommorow|tomorow|wich|thier|realy|probly|prolly|u|ur|pls"
            + "|plz|thx|tbh|ngl|smth|bc|cuz|gonna|wanna|kinda|sorta|mayb|abt|w/e|rn|convo|mgr|coz)\\b");
    private static final Pattern CHANGE = Pattern.compile("^(?:no,? wait|wait|actually|sorry,? i mean|i mean|scratch"
            + " that|on second thought|hmm,? no|no,? (?:rather|make it|let'?s say)|warte|ich meine|doch nicht)\\b");
    private static final Pattern SKIPPING = Pattern.compile("^(?:skip(?: this| it| that)?|pass|next question"
            + "|(?:i'?d )?rather not say|prefer not to say|überspringen)[.!]?$");
    private static final Pattern BACKWARDS = Pattern.compile("^(?:back|go back|previous|undo|zurück)[.!]?$");
    private static final Pattern FOREIGN_LETTERS = Pattern.compile("[äöüßñáíóúàèìòùçœ¿¡]");
    private static final Pattern FOREIGN_WORDS = Pattern.compile("\\b(?:ich|und|nicht|ist|mein|meine|mit|für|aber"
            + "|wir|sie|das|der|die|ein|eine|auch|noch|sehr|du|dass|wie|hast|bin|war|mehr|zum|zur|weniger|nichts|weiter"
            + "|brauche|habe|sind|schon|el|los|que|por|pero|muy|je|et|pas|mais"
            + "|avec|très)\\b");
    private static final Pattern ASKS_WHO = Pattern.compile("\\b(?:who|whom|whose|name|wer|wem|wen|wessen)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_WORDS = Pattern.compile("(?:about |around |maybe )?(?:a |an )?(?:zero|one|two"
            + "|three|four|five|six|seven|eight|nine|ten|\\d{1,2})(?:/10| out of (?:ten|10))?[.!]?");
    private static final Pattern CONFIRMATION_WORDS = Pattern.compile("^(?:yes|yeah|yep|yup|sure|ok|okay|correct"
            + "|right|that'?s (?:it|right)|exactly|spot on|absolutely|precisely|pretty much|you got it|nailed it|ja"
            + "|genau|stimmt|👍|✅|👌)");

    private static final Wellbeing WELLBEING = new Wellbeing();

    private final String yamlName;

    MessyInput(String yamlName) {
        this.yamlName = yamlName;
    }

    String yamlName() {
        return yamlName;
    }

    static MessyInput named(String yamlName) {
        for (MessyInput kind : values()) if (kind.yamlName.equals(yamlName)) return kind;
        return null;
    }

    static String names() {
        return java.util.Arrays.stream(values()).map(MessyInput::yamlName).collect(Collectors.joining(", "));
    }

    /** The kinds of messiness in {@code typed}, answered to {@code open} (null when no question was open). */
    static Set<MessyInput> of(String typed, Outbound open, String personLocale) {
        Set<MessyInput> kinds = EnumSet.noneOf(MessyInput.class);
        String text = typed.strip();
        String lower = text.toLowerCase(Locale.ROOT).replace('’', '\'');
        Outbound.Kind kind = open == null ? null : open.kind();
        if (text.replaceAll("[\\s\\p{Punct}\\p{Cf}–—…·]", "").isEmpty()) kinds.add(EMPTY);
        if (kind == Outbound.Kind.CONFIRM && CONFIRMATION_WORDS.matcher(lower).find()) kinds.add(TYPED_CONFIRMATION);
        if (kind == Outbound.Kind.DATE && lower.matches(".*\\p{L}.*")) kinds.add(DATE_IN_WORDS);
        if (NOTHING_WORDS.matcher(lower).find() && lower.split("\\s+").length <= 6) kinds.add(NOTHING);
        // a first name to "who is it?" is a whole answer, not a one-word one
        boolean name = !text.isEmpty() && Character.isUpperCase(text.codePointAt(0)) && open != null && ASKS_WHO.matcher(open.text()).find();
        if (kind == Outbound.Kind.QUESTION && text.matches("\\p{L}[\\p{L}'’-]*(?:\\s+\\p{L}[\\p{L}'’-]*)?[.!?]?") && !name) kinds.add(ONE_WORD);
        if (text.split("\\s+").length >= 40 || text.length() >= 250) kinds.add(RAMBLING);
        if (TYPOS.matcher(lower).find()) kinds.add(TYPO);
        if (CHANGE.matcher(lower).find()) kinds.add(CHANGE_OF_MIND);
        if (WELLBEING.assess(text) != Wellbeing.Level.NONE) kinds.add(DISTRESS);
        boolean english = personLocale == null || personLocale.toLowerCase(Locale.ROOT).startsWith("en");
        if (english && (FOREIGN_LETTERS.matcher(lower).find() || FOREIGN_WORDS.matcher(lower).results().count() >= 2)) {
            kinds.add(NON_ENGLISH);
        }
        if (text.codePoints().anyMatch(MessyInput::isEmoji)) kinds.add(EMOJI);
        if (open != null && open.choices().stream().anyMatch(c -> plain(c.label()).equals(plain(text)))) {
            kinds.add(TYPED_LABEL);
        }
        if (kind == Outbound.Kind.SCALE && NUMBER_WORDS.matcher(lower).matches()) kinds.add(TYPED_LABEL);
        if (SKIPPING.matcher(lower).matches()) kinds.add(SKIP);
        if (BACKWARDS.matcher(lower).matches()) kinds.add(BACK);
        return kinds;
    }

    private static boolean isEmoji(int codePoint) {
        return codePoint >= 0x1F300 && codePoint <= 0x1FAFF || codePoint >= 0x2600 && codePoint <= 0x27BF;
    }

    private static String plain(String s) {
        return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}\\s]+", " ").strip();
    }
}
