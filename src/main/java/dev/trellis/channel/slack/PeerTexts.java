package dev.trellis.channel.slack;

import dev.trellis.flow.MessageBundle;

/**
 * What a peer-coaching invitation says to one person, in their locale: its sentences ({@code trellis.peer.*}, where
 * {@code {inviter}} and {@code {partner}} stand for the two people's mentions) and its buttons.
 */
record PeerTexts(MessageBundle messages, String locale) {

    String say(String key, String inviter, String partner) {
        String text = messages.variants(locale == null || locale.isBlank() ? "en" : locale, "trellis.peer." + key)
                .stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no message trellis.peer." + key));
        return text.replace("{inviter}", mention(inviter)).replace("{partner}", mention(partner));
    }

    ControlWords controls() {
        return ControlWords.in(messages, locale);
    }

    private static String mention(String userId) {
        return userId == null ? "" : "<@" + userId + ">";
    }
}
