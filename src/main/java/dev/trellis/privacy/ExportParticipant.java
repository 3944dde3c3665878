package dev.trellis.privacy;

import java.util.Map;

/**
 * A part of Trellis that holds something about a person outside the collections export already reads (for example
 * what they share with whom) and so adds it to the person's export. Export calls {@link #export} on every bean
 * implementing this and puts the result in the JSON file under {@link #name()}.
 */
public interface ExportParticipant {

    /** The key of this part in the export file, e.g. {@code "shares"}; stable, lower case. */
    String name();

    /**
     * What this participant holds for the Trellis person id, as JSON-ready values (maps, lists, strings, numbers,
     * booleans, {@link java.time.Instant}); an empty map when nothing. Clear text, since it goes to the person.
     */
    Map<String, Object> export(String personId);
}
