package dev.trellis.coaching;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Notices words of distress in an answer: being burnt out, not coping, overwhelm, harassment or bullying, and
 * (urgent) self-harm or not wanting to live. Rule-based on purpose: it errs towards noticing, because a kind word and
 * a signpost to someone who was only tired costs little, and missing someone who was not costs a lot. English and
 * German.
 */
public final class Wellbeing {

    /** How strongly an answer speaks of distress. */
    public enum Level { NONE, DISTRESS, URGENT }

    private static final Pattern URGENT = Pattern.compile("self[- ]?harm|hurt(?:ing)? myself|harm(?:ing)? myself"
            + "|kill(?:ing)? myself|suicid\\w*|(?:want|wish) (?:to|i could) die|(?:don'?t|do not) want to (?:live|be here)"
            + "|end (?:it all|my life)|no reason to live|mich umbringen|selbstverletz\\w*|suizid\\w*|nicht mehr leben");

    private static final Pattern DISTRESS = Pattern.compile("burn(?:t|ed)[- ]?out|burnout|(?:can'?t|cannot|can not"
            + "|unable to) (?:cope|take (?:it|this|much) (?:any ?more|much longer)|go on)|not coping|overwhelm\\w*"
            + "|harass\\w*|bull(?:y|ied|ying)|panic attacks?|breaking down|break ?down|hopeless|at breaking point"
            + "|falling apart|crying (?:every|at work)|ausgebrannt|überfordert|halte? (?:es|das) nicht mehr aus"
            + "|belästig\\w*|gemobbt|mobbing");

    private static final Pattern NEGATED = Pattern.compile("\\b(?:not|never|no longer|isn'?t|wasn'?t|nicht|kein)"
            + "\\s+(?:\\w+\\s+)?(?:feeling\\s+)?(?:burn|overwhelm|hopeless|ausgebrannt|überfordert)");

    public Level assess(String answer) {
        if (answer == null || answer.isBlank()) return Level.NONE;
        String text = answer.toLowerCase(Locale.ROOT).replace('’', '\'');
        if (URGENT.matcher(text).find()) return Level.URGENT;
        if (DISTRESS.matcher(text).find() && !NEGATED.matcher(text).find()) return Level.DISTRESS;
        return Level.NONE;
    }
}
