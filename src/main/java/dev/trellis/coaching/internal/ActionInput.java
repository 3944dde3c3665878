package dev.trellis.coaching.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.trellis.engine.ActionHandler;

/**
 * An action request read the way handlers need it: typed arguments with errors that name the argument (never its
 * content), and ids derived from the idempotency key so a re-applied turn writes the same documents again
 * instead of new ones.
 */
record ActionInput(ActionHandler.Request request) {

    String personId() {
        return request.personId();
    }

    Instant now() {
        return request.now();
    }

    /** A stable, opaque id for what this request creates: the same for a re-applied turn. */
    String id() {
        return idFor("");
    }

    /** A stable id for the {@code part} this request creates, when it creates more than one thing. */
    String idFor(String part) {
        return UUID.nameUUIDFromBytes((request.idempotencyKey() + "#" + part).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    Object raw(String name) {
        return request.args().get(name);
    }

    /** A required, non-blank text argument, stripped. */
    String text(String name) {
        String value = optionalText(name);
        if (value == null) {
            throw new IllegalArgumentException("argument '" + name + "' is required");
        }
        return value;
    }

    /** A text argument or null when absent or blank. */
    String optionalText(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    /** A whole number argument, or null when absent. */
    Integer optionalInt(String name) {
        Object value = raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        if (value instanceof String text && text.strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(text.strip());
        }
        throw new IllegalArgumentException("argument '" + name + "' must be a whole number");
    }

    int integer(String name, int min, int max) {
        Integer value = optionalInt(name);
        if (value == null || value < min || value > max) {
            throw new IllegalArgumentException("argument '" + name + "' must be " + min + " to " + max);
        }
        return value;
    }

    /** An ISO date (yyyy-MM-dd) argument, or null when absent or blank. */
    LocalDate optionalDate(String name) {
        String value = optionalText(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("argument '" + name + "' must be a date (yyyy-MM-dd)");
        }
    }

    boolean flag(String name) {
        Object value = raw(name);
        return value instanceof Boolean yes ? yes : value != null && "true".equalsIgnoreCase(String.valueOf(value));
    }

    /** A map argument, or an empty map when absent. */
    @SuppressWarnings("unchecked")
    Map<String, Object> map(String name) {
        Object value = raw(name);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("argument '" + name + "' must be a map");
    }

    /** A list of texts (a multiple choice), or an empty list when absent. */
    List<String> texts(String name) {
        Object value = raw(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
        return List.of(String.valueOf(value));
    }
}
