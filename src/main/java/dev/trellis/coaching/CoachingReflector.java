package dev.trellis.coaching;

import dev.trellis.engine.Reflector;
import dev.trellis.flow.MessageBundle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Gives the engine the coaching {@link Reflection} (a paraphrase to confirm or to say, or a probe) and the
 * {@link Wellbeing} guardrail (care and the operator's signpost). Other languages than English get the engine's
 * quoting frame, because the paraphrase is English.
 */
@Component
public class CoachingReflector implements Reflector {

    private final Reflection reflection = new Reflection();
    private final Wellbeing wellbeing = new Wellbeing();
    private final CareProperties care;
    private final ObjectProvider<MessageBundle> messages;

    public CoachingReflector(CareProperties care, ObjectProvider<MessageBundle> messages) {
        this.care = care;
        this.messages = messages;
    }

    @Override
    public Reply reflect(String answer, String locale, String about, long variant) {
        if (locale != null && !locale.toLowerCase(Locale.ROOT).startsWith("en")) return null;
        Reflection.Reply reply = reflection.listen(answer, aboutOf(about), variant);
        return reply.paraphrase() ? Reply.confirm(reply.asQuestion(), reply.asStatement()) : Reply.probe(reply.text());
    }

    @Override
    public String care(String answer, String locale) {
        Wellbeing.Level level = wellbeing.assess(answer);
        if (level == Wellbeing.Level.NONE) return null;
        String acknowledge = message(locale, "coaching.care.acknowledge",
                "Thank you for telling me. That sounds really hard, and it matters more than any goal we're working on.");
        String signpost = care.signpostFor(locale)
                .orElseGet(() -> message(locale, "coaching.care.signpost", CareProperties.DEFAULT_SIGNPOST));
        String help = level == Wellbeing.Level.URGENT ? care.urgentFor(locale)
                .orElseGet(() -> message(locale, "coaching.care.urgent", CareProperties.DEFAULT_URGENT)) + " " + signpost
                : signpost;
        return acknowledge + " " + help;
    }

    private String message(String locale, String key, String fallback) {
        MessageBundle bundle = messages.getIfAvailable();
        List<String> variants = bundle == null ? List.of() : bundle.variants(locale == null ? "en" : locale, key);
        return variants.isEmpty() ? fallback : variants.get(0);
    }

    private static Reflection.About aboutOf(String about) {
        if (about == null) return Reflection.About.ANYTHING;
        return switch (about) {
            case "wish" -> Reflection.About.WISH;
            case "obstacle" -> Reflection.About.OBSTACLE;
            case "event" -> Reflection.About.EVENT;
            case "insight" -> Reflection.About.INSIGHT;
            default -> throw new IllegalArgumentException("unknown 'about': " + about);
        };
    }
}
