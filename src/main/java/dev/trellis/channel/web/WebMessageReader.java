package dev.trellis.channel.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.trellis.engine.TypedText;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a posted message strictly, before anything is stored: the body must be UTF-8 (malformed bytes are refused,
 * not replaced), a JSON object, and name exactly one of text, click or command; text over
 * {@value #MAX_TEXT} characters is refused with 413 so that nothing of it is kept. Every refusal is a
 * {@link BadWebMessage} with a sentence the page can show as it is.
 */
@Component
class WebMessageReader {

    static final int MAX_TEXT = 4_000;
    // 4,000 characters of JSON-escaped text fit with room to spare; anything longer is refused unread
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_VALUES = 50;
    private static final int MAX_NAME = 200;
    private static final String EXAMPLE = "send JSON such as {\"id\": \"<uuid>\", \"text\": \"hello\"}";

    private final ObjectMapper json;

    WebMessageReader(ObjectMapper json) {
        this.json = json;
    }

    WebMessage read(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) throw tooLong();
        if (bytes.length == 0) throw bad("The request body is empty; " + EXAMPLE + ".");
        JsonNode root;
        try {
            root = json.readTree(utf8(bytes));
        } catch (JacksonException e) {
            throw bad("The request body is not valid JSON; " + EXAMPLE + ".");
        }
        if (root == null || !root.isObject()) throw bad("The request body must be a JSON object; " + EXAMPLE + ".");
        return message(root);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad("The request body is not valid UTF-8 text.");
        }
    }

    private static WebMessage message(JsonNode root) {
        String id = string(root, "id");
        if (id == null) throw bad("The message has no \"id\"; give each message a new UUID.");
        try {
            id = UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw bad("The message \"id\" must be a UUID.");
        }
        String text = string(root, "text");
        String controlId = string(root, "controlId");
        String command = string(root, "command");
        int given = (text != null ? 1 : 0) + (controlId != null ? 1 : 0) + (command != null ? 1 : 0);
        if (given != 1) {
            throw bad("Send exactly one of \"text\", \"controlId\" with \"values\", or \"command\".");
        }
        if (text != null) {
            if (text.codePointCount(0, text.length()) > MAX_TEXT) throw tooLong();
            if (TypedText.isBlank(text)) throw bad("The message is empty.");
            return new WebMessage(id, text, null, List.of(), null);
        }
        if (controlId != null) {
            return new WebMessage(id, null, name(controlId, "controlId"), values(root), null);
        }
        return new WebMessage(id, null, null, List.of(), name(command, "command"));
    }

    private static List<String> values(JsonNode root) {
        JsonNode node = root.get("values");
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw bad("A click needs \"values\": a non-empty list of the chosen values.");
        }
        if (node.size() > MAX_VALUES) throw bad("A click may carry at most " + MAX_VALUES + " values.");
        List<String> values = new ArrayList<>();
        for (JsonNode value : node) {
            if (!value.isString()) throw bad("Each of \"values\" must be a string.");
            String v = value.asString();
            if (v.codePointCount(0, v.length()) > MAX_TEXT) throw tooLong();
            values.add(v);
        }
        return values;
    }

    private static String name(String value, String field) {
        if (value.isBlank() || value.length() > MAX_NAME) throw bad("\"" + field + "\" is empty or too long.");
        return value.strip();
    }

    private static String string(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isString()) throw bad("\"" + field + "\" must be a string.");
        return node.asString();
    }

    private static BadWebMessage bad(String message) {
        return new BadWebMessage(HttpStatus.BAD_REQUEST, message);
    }

    private static BadWebMessage tooLong() {
        return new BadWebMessage(HttpStatus.CONTENT_TOO_LARGE,
                "The message is too long: the limit is " + String.format(Locale.ROOT, "%,d", MAX_TEXT) + " characters.");
    }
}
