package dev.trellis.channel.teams;

import java.util.function.Function;

import dev.trellis.engine.PersonContext;
import dev.trellis.flow.MessageBundle;

/**
 * The words an Adaptive Card's own controls carry beside the flow's texts: the submit button ("Send", "Done" under
 * a multi-select) and a drop-down's placeholder, from {@code trellis.controls.*} in the person's locale.
 */
record CardWords(String send, String done, String choose) {

    /** The words when the person's locale is not known (and what every card said before it knew one). */
    static final CardWords ENGLISH = new CardWords("Send", "Done", "Choose…");

    static CardWords in(MessageBundle messages, String locale) {
        if (messages == null || locale == null || locale.isBlank()) return ENGLISH;
        return new CardWords(word(messages, locale, "send", ENGLISH.send()),
                word(messages, locale, "done", ENGLISH.done()), word(messages, locale, "choose", ENGLISH.choose()));
    }

    /**
     * A person's words by their Trellis id, in the locale their person data names ({@code person.locale}); English
     * for someone unknown. Read only when a card has such a word.
     */
    static Function<String, CardWords> ofPeople(PersonContext people, MessageBundle messages) {
        return personId -> personId == null || people == null ? ENGLISH
                : people.locale(TeamsChannel.NAME, personId).map(locale -> in(messages, locale)).orElse(ENGLISH);
    }

    private static String word(MessageBundle messages, String locale, String key, String english) {
        return messages.variants(locale, "trellis.controls." + key).stream().findFirst().orElse(english);
    }
}
