package dev.trellis.channel.slack;

import java.util.function.Function;

import dev.trellis.engine.PersonContext;
import dev.trellis.flow.MessageBundle;

/**
 * The words Slack's controls carry beside the flow's own texts: the button under checkboxes, a long list's
 * placeholder and a peer invitation's answers, from {@code trellis.controls.*} in the person's locale.
 */
record ControlWords(String done, String choose, String accept, String decline) {

    /** The words when the person's locale is not known (and what every renderer said before it knew one). */
    static final ControlWords ENGLISH = new ControlWords("Done", "Choose…", "Accept", "Decline");

    static ControlWords in(MessageBundle messages, String locale) {
        if (messages == null || locale == null || locale.isBlank()) return ENGLISH;
        return new ControlWords(word(messages, locale, "done", ENGLISH.done()),
                word(messages, locale, "choose", ENGLISH.choose()), word(messages, locale, "accept", ENGLISH.accept()),
                word(messages, locale, "decline", ENGLISH.decline()));
    }

    /**
     * A person's words by their Trellis id, in the locale their person data names ({@code person.locale}, as the App
     * Home reads it); English for someone unknown. Read only when a message has such a word.
     */
    static Function<String, ControlWords> ofPeople(PersonContext people, MessageBundle messages) {
        Function<String, String> locales = localesOf(people);
        return personId -> in(messages, locales.apply(personId));
    }

    /** A person's locale by their Trellis id, as their person data names it; null for someone unknown. */
    static Function<String, String> localesOf(PersonContext people) {
        return personId -> personId == null || people == null ? null
                : people.locale(SlackChannel.NAME, personId).orElse(null);
    }

    private static String word(MessageBundle messages, String locale, String key, String english) {
        return messages.variants(locale, "trellis.controls." + key).stream().findFirst().orElse(english);
    }
}
