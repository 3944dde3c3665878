package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.trellis.flow.MessageBundle;

/**
 * The words coaching actions say, from the message files ({@code coaching.*}), in the person's locale. Values are
 * filled into {@code {{name}}} placeholders; they are numbers and labels, never what a person wrote.
 */
@Component
final class CoachingTexts {

    private static final Pattern MESSAGE_KEY = Pattern.compile("[A-Za-z][\\w-]*(\\.[\\w-]+)+");

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

    /**
     * A flow's title in the person's locale: the translation {@code flows.<id>.title} when the locale's files have
     * one, else {@code fallback} (the English title the flow file or the session log holds).
     */
    String flowTitle(String locale, String flowId, String fallback) {
        MessageBundle bundle = messages.getIfAvailable();
        List<String> variants = bundle == null || flowId == null || flowId.isEmpty() ? List.of()
                : bundle.variants(locale, "flows." + flowId + ".title");
        return variants.isEmpty() ? fallback : variants.get(0);
    }

    /**
     * The message {@code keyOrText} names, in the person's locale, or {@code keyOrText} itself when it names no
     * message: a flow may pass a key ({@code grow.recap.goal}) or plain words.
     */
    String localised(String locale, String keyOrText, Map<String, Object> values) {
        MessageBundle bundle = messages.getIfAvailable();
        if (bundle == null || !MESSAGE_KEY.matcher(keyOrText).matches() || bundle.variants(locale, keyOrText).isEmpty()) {
            return keyOrText;
        }
        return text(locale, keyOrText, values);
    }
}
