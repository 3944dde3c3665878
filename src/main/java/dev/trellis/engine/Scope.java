package dev.trellis.engine;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Variables in two layers: a name found in {@code top} wins, any other is looked up {@code below}. Looking a name up
 * never reads the lower layer beyond that name, which keeps person data the turn does not mention unread.
 */
final class Scope extends AbstractMap<String, Object> {

    private final Map<String, Object> top;
    private final Map<String, Object> below;

    Scope(Map<String, Object> top, Map<String, Object> below) {
        this.top = top;
        this.below = below;
    }

    @Override
    public Object get(Object key) {
        Object value = top.get(key);
        return value != null ? value : below.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    /** Lists every variable of both layers (and so reads the lower one whole). */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>(below);
        top.forEach((name, value) -> {
            if (value != null) all.put(name, value);
        });
        return all.entrySet();
    }
}
