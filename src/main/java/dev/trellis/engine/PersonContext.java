package dev.trellis.engine;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Data about the person that flows read in expressions, beside their own variables: {@code person} (name,
 * timezone, manager...), {@code goals} ({@code goals.active}, ...) and whatever the coaching domain adds. A turn reads
 * it through one {@link PersonData} snapshot: each variable from the store the first time the turn asks for it, and
 * again only after an action of the turn wrote to it.
 */
public interface PersonContext {

    /**
     * Top-level variables by name (e.g. {@code person}, {@code goals}); values are plain maps and lists.
     * {@code personId} is the Trellis person id, the same from every linked chat.
     */
    Map<String, Object> load(String channel, String personId);

    /**
     * A reader for one snapshot of the person's data. The default reads everything with {@link #load} the first time
     * any variable is asked for; an implementation that can read variables one by one overrides it, so a turn whose
     * flow step names no person data costs no store query at all.
     */
    default Reader reader(String channel, String personId) {
        return Reader.all(() -> load(channel, personId));
    }

    /**
     * The same, for a conversation held in {@code locale} (null when unknown): names the data carries (a session's
     * title) are given in that language where the context knows them in it.
     */
    default Reader reader(String channel, String personId, String locale) {
        return reader(channel, personId);
    }

    /** The locale the person's data names ({@code person.locale}); empty when it names none. */
    default Optional<String> locale(String channel, String personId) {
        return localeIn(Map.of("person", reader(channel, personId).read("person") instanceof Map<?, ?> person
                ? person : Map.of()));
    }

    /** The locale named in {@code context}, variables as {@link #load} gives them; empty when it names none. */
    static Optional<String> localeIn(Map<String, Object> context) {
        return context.get("person") instanceof Map<?, ?> person && person.get("locale") instanceof String locale
                && !locale.isBlank() ? Optional.of(locale) : Optional.empty();
    }

    /** Reads the variables of one snapshot; may keep what it read to share it between variables. */
    interface Reader {

        /** The names of every variable it can read. */
        Set<String> names();

        /** The variable {@code name} read from the store; null when there is no such variable. */
        Object read(String name);

        /** A reader that loads all variables at once, the first time one is asked for. */
        static Reader all(Supplier<Map<String, Object>> load) {
            return new Reader() {
                private Map<String, Object> loaded;

                @Override
                public Set<String> names() {
                    return loaded().keySet();
                }

                @Override
                public Object read(String name) {
                    return loaded().get(name);
                }

                private Map<String, Object> loaded() {
                    if (loaded == null) loaded = load.get();
                    return loaded;
                }
            };
        }
    }

    PersonContext NONE = (channel, personId) -> Map.of();
}
