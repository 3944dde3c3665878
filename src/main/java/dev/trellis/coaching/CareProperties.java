package dev.trellis.coaching;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where Trellis points a person who speaks of distress ({@code trellis.care.*}). Operators put their own help here:
 * the Employee Assistance Programme, HR, a helpline with its number. {@code signpost} follows every care message;
 * {@code urgent} follows one about self-harm. {@code locales.<locale>.signpost} and {@code .urgent} say it for the
 * people of one locale ({@code locales.de.signpost}: the German EAP line); a locale without its own text gets the
 * general one, and where the operator set none, the shipped wording of the message files
 * ({@code coaching.care.signpost}, {@code coaching.care.urgent}), which names no number, because the right number
 * depends on where people are.
 */
@ConfigurationProperties("trellis.care")
public record CareProperties(String signpost, String urgent, Map<String, Texts> locales) {

    static final String DEFAULT_SIGNPOST = "If it would help to talk to someone, your Employee Assistance Programme "
            + "(EAP), HR, or someone you trust are there for you, and talking to them is confidential.";
    static final String DEFAULT_URGENT = "If you might hurt yourself or feel unsafe, please call your local "
            + "emergency number or a crisis line now. You don't have to go through this alone.";

    /** The operator's texts for one locale; either may be left out. */
    public record Texts(String signpost, String urgent) {
        public Texts {
            signpost = blankToNull(signpost);
            urgent = blankToNull(urgent);
        }
    }

    public CareProperties {
        signpost = blankToNull(signpost);
        urgent = blankToNull(urgent);
        locales = locales == null ? Map.of() : Map.copyOf(locales);
    }

    /** No operator texts: everyone gets the shipped wording in their locale. */
    public static CareProperties shipped() {
        return new CareProperties(null, null, Map.of());
    }

    /** The operator's signpost for people of {@code locale} ({@code de-AT}, then {@code de}, then general), if any. */
    public Optional<String> signpostFor(String locale) {
        return configured(locale, Texts::signpost, signpost);
    }

    /** The operator's urgent help for people of {@code locale}, if any. */
    public Optional<String> urgentFor(String locale) {
        return configured(locale, Texts::urgent, urgent);
    }

    private Optional<String> configured(String locale, Function<Texts, String> part, String general) {
        for (String candidate : chain(locale)) {
            Texts texts = locales.get(candidate);
            if (texts != null && part.apply(texts) != null) return Optional.of(part.apply(texts).strip());
        }
        return Optional.ofNullable(general).map(String::strip);
    }

    private static List<String> chain(String locale) {
        String tag = locale == null ? "en" : locale.replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = tag.indexOf('-');
        return dash < 0 ? List.of(tag) : List.of(tag, tag.substring(0, dash));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
