package dev.trellis.engine;

import java.util.Map;

/**
 * Data about the person that flows read in expressions, beside their own variables: {@code person} (name,
 * timezone, manager...), {@code goals} ({@code goals.active}, ...) and whatever the coaching domain adds. Loaded
 * when a turn needs it and again after an action ran.
 */
public interface PersonContext {

    /**
     * Top-level variables by name (e.g. {@code person}, {@code goals}); values are plain maps and lists.
     * {@code personId} is the Trellis person id, the same from every linked chat.
     */
    Map<String, Object> load(String channel, String personId);

    /**
     * The same, for a conversation held in {@code locale}: names the data carries (a session's title) are given in
     * that language where the context knows them in it.
     */
    default Map<String, Object> load(String channel, String personId, String locale) {
        return load(channel, personId);
    }

    PersonContext NONE = (channel, personId) -> Map.of();
}
