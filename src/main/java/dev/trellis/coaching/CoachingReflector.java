package dev.trellis.coaching;

import dev.trellis.engine.Reflector;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Gives the engine the coaching {@link Reflection}: a reflection to confirm, or a probe when the answer had nothing
 * to reflect. Other languages than English get the engine's quoting frame, because the person swap is English.
 */
@Component
public class CoachingReflector implements Reflector {

    private final Reflection reflection = new Reflection();

    @Override
    public Reply reflect(String answer, String locale, long variant) {
        if (locale != null && !locale.toLowerCase(Locale.ROOT).startsWith("en")) return null;
        Reflection.Reply reply = reflection.listen(answer, Reflection.About.ANYTHING, variant);
        return reply.paraphrase() ? Reply.confirm(reply.asQuestion()) : Reply.probe(reply.text());
    }
}
