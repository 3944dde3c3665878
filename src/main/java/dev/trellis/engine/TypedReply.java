package dev.trellis.engine;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads what a person types back to a yes/no check the way people write it: "yes exactly", "yep that's it",
 * "spot on" and 👍 are a yes; "yes, but more about visibility" is a yes with an addition to keep; "no, it's about
 * visibility" is a no with a correction; anything else is neither and is read as the person's own words.
 * The words come from the message bundle ({@code trellis.words.yes}, {@code .agree}, {@code .no}, {@code .but}).
 */
final class TypedReply {

    /** What the typed text says. */
    sealed interface Reading {
        /** Agreement; {@code addition} is what the person added after it (empty when nothing). */
        record Yes(String addition) implements Reading {
        }

        /** Disagreement; {@code correction} is what the person said instead (empty when nothing). */
        record No(String correction) implements Reading {
        }

        /** Neither a yes nor a no. */
        record Other() implements Reading {
        }
    }

    private static final String SEPARATORS = " ,.;:!—–-…";

    private final List<String> yes;
    private final List<String> agree;
    private final List<String> no;
    private final List<String> links;

    /**
     * {@code yes}: forms that mean yes when they stand alone or before punctuation ("right", "ok"); {@code agree}:
     * forms that mean yes whatever follows ("yes", "exactly"); {@code no}: forms of no; {@code links}: words that join
     * an addition to a yes or no ("but", "though").
     */
    TypedReply(List<String> yes, List<String> agree, List<String> no, List<String> links) {
        this.yes = longestFirst(yes, agree);
        this.agree = agree;
        this.no = longestFirst(no, List.of());
        this.links = links;
    }

    Reading read(String typed) {
        String text = typed == null ? "" : typed.strip().replace('’', '\'');
        int at = 0;
        boolean agreed = false;
        boolean strong = false;
        String form;
        while ((form = formAt(text, at, yes)) != null) {
            agreed = true;
            strong |= agree.contains(form);
            at = skipSeparators(text, at + form.length());
        }
        if (agreed) {
            Addition addition = additionAt(text, at);
            if (addition.text().isEmpty() || addition.linked() || strong || endsForm(text, at)) {
                return new Reading.Yes(addition.text());
            }
            return new Reading.Other();
        }
        form = formAt(text, 0, no);
        if (form != null) {
            return new Reading.No(additionAt(text, skipSeparators(text, form.length())).text());
        }
        return new Reading.Other();
    }

    private record Addition(String text, boolean linked) {
    }

    /** The rest of the text from {@code at}, without a leading link word ("but more about visibility"). */
    private Addition additionAt(String text, int at) {
        String rest = text.substring(Math.min(at, text.length())).strip();
        String lower = rest.toLowerCase(Locale.ROOT);
        for (String link : links) {
            if (lower.startsWith(link + " ") || lower.startsWith(link + ",")) {
                return new Addition(stripEnds(rest.substring(link.length())), true);
            }
        }
        return new Addition(stripEnds(rest), false);
    }

    /** True when punctuation, not a plain space, separated the yes from what follows ("right, more about X"). */
    private static boolean endsForm(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) i--;
        return i >= 0 && SEPARATORS.indexOf(text.charAt(i)) > 0;
    }

    /** The form in {@code forms} that {@code text} has at {@code at} as whole words, or null. */
    private static String formAt(String text, int at, List<String> forms) {
        for (String form : forms) {
            if (text.regionMatches(true, at, form, 0, form.length())) {
                int end = at + form.length();
                boolean wordEnds = end == text.length() || !Character.isLetterOrDigit(text.charAt(end))
                        || !Character.isLetterOrDigit(form.charAt(form.length() - 1));
                if (wordEnds) return form;
            }
        }
        return null;
    }

    private static int skipSeparators(String text, int at) {
        while (at < text.length() && SEPARATORS.indexOf(text.charAt(at)) >= 0) at++;
        return at;
    }

    private static String stripEnds(String s) {
        String out = s.strip();
        while (!out.isEmpty() && SEPARATORS.indexOf(out.charAt(0)) >= 0) out = out.substring(1).strip();
        return out.replaceAll("[\\s.!]+$", "");
    }

    private static List<String> longestFirst(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream())
                .map(s -> s.strip().toLowerCase(Locale.ROOT).replace('’', '\''))
                .filter(s -> !s.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }
}
