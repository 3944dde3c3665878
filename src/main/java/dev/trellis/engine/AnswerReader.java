package dev.trellis.engine;

import dev.trellis.flow.StepKind;
import dev.trellis.flow.Validation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a typed or clicked answer for a question step and checks the step's rules. Typed answers are accepted for
 * every kind (a choice by its label or number, a scale by its number, a confirm by yes/no words), so a person is
 * never stuck when their channel cannot show controls.
 */
final class AnswerReader {

    private final Words words;
    private final NaturalDates dates = new NaturalDates();

    AnswerReader(Words words) {
        this.words = words;
    }

    /** The person's input: typed {@code text}, or clicked {@code values}. */
    private static final java.util.regex.Pattern NO_WORDS = java.util.regex.Pattern.compile("[\\p{P}\\p{Z}\\s]+");

    record Input(String text, List<String> values) {
        boolean clicked() {
            return text == null;
        }

        String single() {
            return clicked() ? (values.isEmpty() ? "" : values.get(0)) : text.strip();
        }
    }

    Answer ask(StepKind.Ask ask, Input input, Map<String, Object> variables, ZoneId zone, LocalDate today,
               String locale) {
        String raw = input.single();
        // "-", "." or "..." is no answer, however short the question allows one to be: "I didn't catch an answer"
        if (raw.isBlank() || NO_WORDS.matcher(raw).matches()) return new Answer.Invalid("empty");
        Validation v = ask.validate() == null ? Validation.NONE : ask.validate();
        Answer answer = switch (ask.type()) {
            case TEXT -> text(raw, v);
            case NUMBER -> number(raw, v);
            case DATE -> date(raw, v, today, locale);
        };
        if (answer instanceof Answer.Valid valid && v.rule() != null) {
            Map<String, Object> withAnswer = new Scope(java.util.Collections.singletonMap("answer", valid.value()), variables);
            if (!v.rule().test(withAnswer)) return new Answer.Invalid("rule");
        }
        return answer;
    }

    private static Answer text(String raw, Validation v) {
        if (v.minLength() != null && raw.length() < v.minLength()) {
            return new Answer.Invalid("minLength", Map.of("min", v.minLength()));
        }
        if (v.maxLength() != null && raw.length() > v.maxLength()) {
            return new Answer.Invalid("maxLength", Map.of("max", v.maxLength()));
        }
        if (v.pattern() != null && !PatternCheck.finds(v.pattern(), raw, PatternCheck.LIMIT)) {
            return new Answer.Invalid("pattern");
        }
        return new Answer.Valid(raw, raw);
    }

    private static Answer number(String raw, Validation v) {
        Double value = parseNumber(raw);
        if (value == null) return new Answer.Invalid("number");
        if (v.min() != null && value < v.min() || v.max() != null && value > v.max()) {
            return new Answer.Invalid("range", rangeArgs(v.min(), v.max()));
        }
        return new Answer.Valid(value, dev.trellis.flow.Templates.plain(value));
    }

    private static Map<String, Object> rangeArgs(Number min, Number max) {
        Map<String, Object> args = new HashMap<>();
        args.put("min", min == null ? "" : dev.trellis.flow.Templates.plain(min.doubleValue()));
        args.put("max", max == null ? "" : dev.trellis.flow.Templates.plain(max.doubleValue()));
        return args;
    }

    static Double parseNumber(String raw) {
        String s = raw.strip().replace(',', '.').replaceAll("%$", "");
        int slash = s.indexOf('/');
        if (slash > 0) s = s.substring(0, slash).strip();
        try {
            double d = Double.parseDouble(s);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A rating typed the way people type it: "7", "7/10", "about a 3 I guess", "seven out of ten", "sechs". The one
     * number in the text counts, not the scale it is out of; two numbers ("3 or 4") are no answer.
     */
    Double numberInWords(String raw, String locale) {
        Double plainNumber = parseNumber(raw);
        if (plainNumber != null) return plainNumber;
        List<String> names = words.forms("numbers", locale);
        String text = raw.toLowerCase(Locale.ROOT)
                .replaceAll("(/|\\bout of\\b|\\bvon\\b)\\s*(\\d+|\\p{L}+)", " ");
        List<Double> found = new ArrayList<>();
        java.util.regex.Matcher digits = java.util.regex.Pattern.compile("\\d+([.,]\\d+)?")
                .matcher(text);
        while (digits.find()) found.add(Double.parseDouble(digits.group().replace(',', '.')));
        for (String word : text.split("[^\\p{L}]+")) {
            int index = names.indexOf(word);
            if (index >= 0) found.add((double) index);
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    private Answer date(String raw, Validation v, LocalDate today, String locale) {
        LocalDate date = parseDate(raw.strip().toLowerCase(Locale.ROOT), today, locale);
        if (date == null) return new Answer.Invalid("date");
        if (v.notInPast() && date.isBefore(today)) return new Answer.Invalid("dateInPast");
        // the person sees how their words were read ("Friday" → Fri 4 Dec 2026) and can go back if it's wrong
        return new Answer.Valid(date.toString(), date.format(DateTimeFormatter.ofPattern("EEE d MMM yyyy",
                Locale.forLanguageTag(locale))));
    }

    LocalDate parseDate(String s, LocalDate today, String locale) {
        if (words.is("today", s, locale)) return today;
        if (words.is("tomorrow", s, locale)) return today.plusDays(1);
        return dates.parse(s, today, locale);
    }

    /**
     * A choice: {@code offered} are the options shown, as (value, label) pairs; clicks send values, typing may use
     * a label or the option's number.
     */
    Answer choice(StepKind.Choice choice, Input input, List<Outbound.Choice> offered, List<Object> optionValues) {
        List<String> picked = new ArrayList<>();
        if (input.clicked()) {
            picked.addAll(input.values());
        } else {
            String[] parts = choice.multiple() ? input.text().split("[,;]| and ") : new String[]{input.text()};
            for (String part : parts) {
                String value = matchOption(part.strip(), offered);
                if (value == null) return new Answer.Invalid("choice");
                picked.add(value);
            }
        }
        if (picked.isEmpty() || !choice.multiple() && picked.size() > 1) return new Answer.Invalid("choice");
        List<Object> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String p : picked) {
            int index = indexOf(offered, p);
            if (index < 0) return new Answer.Invalid("choice");
            values.add(optionValues.get(index));
            labels.add(offered.get(index).label());
        }
        String display = String.join(", ", labels);
        return choice.multiple() ? new Answer.Valid(values, display) : new Answer.Valid(values.get(0), display);
    }

    private static int indexOf(List<Outbound.Choice> offered, String value) {
        for (int i = 0; i < offered.size(); i++) {
            if (offered.get(i).value().equals(value)) return i;
        }
        return -1;
    }

    /**
     * The option {@code typed} names, or null. Several entries may share a value (a label and the words that also
     * mean it): only different values make an answer ambiguous.
     */
    static String matchOption(String typed, List<Outbound.Choice> offered) {
        if (typed.isEmpty()) return null;
        for (Outbound.Choice c : offered) {
            if (c.label().equalsIgnoreCase(typed)) return c.value();
        }
        // a typed number is the option's place in the list, as people count: options computed from data carry their
        // index ("0", "1") as value, so "1" must not be read as the value of the second one
        String plain = plain(typed);
        if (plain.matches("\\d{1,2}")) {
            int n = Integer.parseInt(plain);
            if (n >= 1 && n <= offered.size()) return offered.get(n - 1).value();
        }
        for (Outbound.Choice c : offered) {
            if (c.value().equalsIgnoreCase(typed)) return c.value();
        }
        return plain.isEmpty() ? null : optionInWords(" " + plain + " ", offered);
    }

    /**
     * People type around a label ("in two weeks please", "hmm, not now") or a piece of it ("two weeks"). A label found
     * whole inside what they typed is the answer when it is the only one, not counting a label inside a longer one
     * that is there too ("now" in "not now"); failing that, the one label that holds what they typed. An answer that
     * fits two options ("in a week or in two weeks") is no answer: the person is asked to pick.
     */
    private static String optionInWords(String padded, List<Outbound.Choice> offered) {
        List<Outbound.Choice> found = new ArrayList<>();
        for (Outbound.Choice c : offered) {
            String label = plain(c.label());
            if (!label.isEmpty() && padded.contains(" " + label + " ")) found.add(c);
        }
        found.removeIf(c -> found.stream().anyMatch(other -> other != c
                && (" " + plain(other.label()) + " ").contains(" " + plain(c.label()) + " ")
                && !plain(other.label()).equals(plain(c.label()))));
        if (!found.isEmpty() && found.stream().map(Outbound.Choice::value).distinct().count() == 1) {
            return found.get(0).value();
        }
        if (!found.isEmpty() || padded.strip().length() < 3) return null;
        List<String> holding = valuesWhere(offered, c -> (" " + plain(c.label()) + " ").contains(padded));
        if (!holding.isEmpty()) return holding.size() == 1 ? holding.get(0) : null;
        String byAllWords = optionByWords(padded, offered);
        return byAllWords != null ? byAllWords : byWords(padded, offered);
    }

    /** The different values of the options that fit: one is an answer, more are a question to ask again. */
    private static List<String> valuesWhere(List<Outbound.Choice> offered,
                                            java.util.function.Predicate<Outbound.Choice> fits) {
        return offered.stream().filter(fits).map(Outbound.Choice::value).distinct().toList();
    }

    /** Small words that say nothing about which option is meant ("in a week" is about "week"), en and de. */
    private static final Set<String> FILLERS = Set.of("a", "an", "the", "in", "on", "at", "to", "of", "it", "i",
            "ll", "ein", "eine", "einer", "einem", "im", "am", "zu", "ich", "es");

    /**
     * "a week from now is good": every telling word of exactly one label is there ("week"), so that label is meant.
     * Words are whole: "weeks" is not "week".
     */
    private static String optionByWords(String padded, List<Outbound.Choice> offered) {
        Set<String> typed = Set.of(padded.strip().split(" "));
        List<String> fitting = valuesWhere(offered, c -> {
            List<String> telling = java.util.Arrays.stream(plain(c.label()).split(" "))
                    .filter(w -> !w.isEmpty() && !FILLERS.contains(w)).toList();
            return !telling.isEmpty() && typed.containsAll(telling);
        });
        return fitting.size() == 1 ? fitting.get(0) : null;
    }

    /** Lower case, letters and digits only, single spaces: "No, I'll start it myself!" is "no i ll start it myself". */
    private static String plain(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /**
     * The last resort, for long labels nobody retypes whole (a goal's title, a talking point): "the conference budget
     * one" picks the option whose label shares the most words of four letters or more with what was typed, when
     * exactly one option shares most; anything less clear is no pick (the question is asked again).
     */
    private static String byWords(String typed, List<Outbound.Choice> offered) {
        Set<String> said = words(typed);
        if (said.isEmpty()) return null;
        String best = null;
        int bestCount = 0;
        boolean tie = false;
        for (Outbound.Choice c : offered) {
            Set<String> label = words(c.label());
            label.retainAll(said);
            if (label.size() > bestCount) {
                best = c.value();
                bestCount = label.size();
                tie = false;
            } else if (label.size() == bestCount && bestCount > 0) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /** The words of four letters or more: the ones that tell one long label from another. */
    private static Set<String> words(String text) {
        return java.util.Arrays.stream(plain(text).split(" ")).filter(w -> w.length() >= 4)
                .collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

    Answer scale(StepKind.Scale scale, Input input, String locale) {
        Double value = input.clicked() ? parseNumber(input.single()) : numberInWords(input.single(), locale);
        if (value == null || value != Math.rint(value)) {
            return new Answer.Invalid("scale", rangeArgs(scale.min(), scale.max()));
        }
        long n = value.longValue();
        if (n < scale.min() || n > scale.max()) return new Answer.Invalid("scale", rangeArgs(scale.min(), scale.max()));
        return new Answer.Valid(n, Long.toString(n));
    }

    Answer confirm(Input input, String yesLabel, String noLabel, String locale) {
        String s = input.single().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (s.equals("yes") || s.equalsIgnoreCase(yesLabel)) return new Answer.Valid(true, yesLabel);
        if (s.equals("no") || s.equalsIgnoreCase(noLabel)) return new Answer.Valid(false, noLabel);
        if (input.clicked()) return new Answer.Invalid("confirm");
        // typed in words: "yes exactly" and 👍 are a yes, "nope" a no; what follows a yes or no is not asked for here
        TypedReply.Reading reading = words.replies(locale).read(input.single());
        if (reading instanceof TypedReply.Reading.Yes) return new Answer.Valid(true, yesLabel);
        if (reading instanceof TypedReply.Reading.No) return new Answer.Valid(false, noLabel);
        if (reading instanceof TypedReply.Reading.Other) return new Answer.Invalid("confirm");
        throw new IllegalStateException("unknown reading " + reading);
    }
}
