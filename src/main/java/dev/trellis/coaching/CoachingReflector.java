package dev.trellis.coaching;

import dev.trellis.engine.Reflector;
import org.springframework.stereotype.Component;

import java.util.Locale;

/** Gives the engine the coaching {@link Reflection}; other languages than English get the engine's quoting frame. */
@Component
public class CoachingReflector implements Reflector {

    private final Reflection reflection = new Reflection();

    @Override
    public String reflect(String answer, String locale, long variant) {
        if (locale != null && !locale.toLowerCase(Locale.ROOT).startsWith("en")) return null;
        return reflection.reflect(answer, variant);
    }
}
