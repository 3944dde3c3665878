package dev.trellis.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns what the CEL runtime returns into the plain values the engine stores. */
final class CelValues {

    private CelValues() {
    }

    static Object toJava(Object value) {
        if (value == null) return null;
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(toJava(k)), toJava(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(toJava(v)));
            return out;
        }
        if (value instanceof Integer i) return i.longValue();
        if (value instanceof Float f) return f.doubleValue();
        if (value.getClass().getName().endsWith("NullValue")) return null;
        if (value.getClass().getSimpleName().equals("UnsignedLong")) return ((Number) value).longValue();
        return value;
    }
}
