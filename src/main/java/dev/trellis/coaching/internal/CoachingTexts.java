package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.trellis.flow.MessageBundle;

/**
 * The words coaching actions say, from the message files ({@code coaching.*}), in the person's locale. Values are
 * filled into {@code {{name}}} placeholders; they are numbers and labels, never what a person wrote.
 */
@Component
final class CoachingTexts {

    private final ObjectProvider<MessageBundle> messages;

    CoachingTexts(ObjectProvider<MessageBundle> messages) {
        this.messages = messages;
    }

    /** @throws IllegalStateException when the message files lack {@code key}: a deployment error, not input */
    String text(String locale, String key, Map<String, Object> values) {
        MessageBundle bundle = messages.getIfAvailable();
        List<String> variants = bundle == null ? List.of() : bundle.variants(locale, key);
        if (variants.isEmpty()) {
            throw new IllegalStateException("no message '" + key + "'");
        }
        String text = variants.get(0);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            text = text.replaceAll("\\{\\{\\s*" + value.getKey() + "\\s*}}",
                    Matcher.quoteReplacement(String.valueOf(value.getValue())));
        }
        return text;
    }
}
