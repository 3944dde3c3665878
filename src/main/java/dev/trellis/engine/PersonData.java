package dev.trellis.engine;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One turn's snapshot of the person's data ({@link PersonContext}): a variable is read from the store when the turn
 * first asks for it and kept, so a turn reads each at most once, however often it is applied again after a write
 * conflict. Only an action that wrote to the person's data ({@link #changed}) makes the next ask read again.
 * Not thread-safe: it belongs to one event being applied.
 */
public final class PersonData {

    private final PersonContext source;
    private final String channel;
    private final String personId;
    private final Map<String, Object> read = new HashMap<>();
    private PersonContext.Reader reader;
    private String locale;

    private PersonData(PersonContext source, String channel, String personId) {
        this.source = source;
        this.channel = channel;
        this.personId = personId;
    }

    /** A snapshot of {@code subject}'s data; nothing is read until a variable is asked for. */
    public static PersonData of(PersonContext source, Engine.Subject subject) {
        return new PersonData(source, subject.channel(), subject.personId());
    }

    /**
     * The conversation's locale: names the data carries (a session's title) are read in it. Set by the turn before it
     * reads anything; the same for every application of one event, since it comes from the conversation.
     */
    void locale(String locale) {
        this.locale = locale;
    }

    /** The variable {@code name}, read on first use; null when the person's data has no such variable. */
    Object get(String name) {
        if (read.containsKey(name)) return read.get(name);
        PersonContext.Reader current = reader();
        Object value = current.names().contains(name) ? current.read(name) : null;
        read.put(name, value);
        return value;
    }

    /** An action wrote to the person's data: what is asked for from now on is read again. */
    void changed() {
        read.clear();
        reader = null;
    }

    /** The snapshot as a map for expressions and templates: looking a name up reads that variable alone. */
    Map<String, Object> asMap() {
        return new AbstractMap<>() {
            @Override
            public Object get(Object key) {
                return key instanceof String name ? PersonData.this.get(name) : null;
            }

            @Override
            public boolean containsKey(Object key) {
                return get(key) != null;
            }

            /** Everything: only code that lists all variables gets here, and then it reads them all. */
            @Override
            public Set<Entry<String, Object>> entrySet() {
                Map<String, Object> all = new LinkedHashMap<>();
                for (String name : reader().names()) {
                    Object value = PersonData.this.get(name);
                    if (value != null) all.put(name, value);
                }
                return all.entrySet();
            }
        };
    }

    private PersonContext.Reader reader() {
        if (reader == null) reader = source.reader(channel, personId, locale);
        return reader;
    }
}
