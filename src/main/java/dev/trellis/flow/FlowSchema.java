package dev.trellis.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schema of flow files ({@code conversation-flows/flow.schema.json}, packaged into the jar next to this
 * class), with its errors turned into {@code file:line:col} messages that name the step they are in.
 */
final class FlowSchema {

    static final String RESOURCE = "flow.schema.json";

    private static final Pattern TYPE = Pattern.compile("(\\w+) found, (.+) expected");

    private final JsonSchema schema;

    FlowSchema() {
        try (InputStream in = FlowSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("flow schema " + RESOURCE + " is not on the classpath");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<FlowError> validate(YamlDocument document, List<FlowError> errors) {
        JsonNode json = document.toJson(errors);
        List<FlowError> found = new ArrayList<>();
        for (ValidationMessage message : schema.validate(json)) {
            found.add(toError(document, message));
        }
        found.sort(null);
        errors.addAll(found);
        return found;
    }

    private FlowError toError(YamlDocument document, ValidationMessage message) {
        List<Object> path = elements(message.getInstanceLocation());
        Node node = document.find(path);
        String where = where(document, path);
        return switch (message.getType()) {
            case "additionalProperties" -> {
                String property = message.getProperty();
                Node key = YamlDocument.keyNode(node, property).orElse(node);
                yield new FlowError(document.at(key), "unknown property '" + property + "' in " + where);
            }
            case "required" -> new FlowError(document.at(node),
                    "missing property '" + message.getProperty() + "' in " + where);
            case "type" -> new FlowError(document.at(node), where + " must be " + expectedType(message));
            case "pattern" -> new FlowError(document.at(node), where + ": " + patternProblem(message, node));
            default -> new FlowError(document.at(node), where + ": " + detail(message));
        };
    }

    private static String expectedType(ValidationMessage message) {
        Matcher m = TYPE.matcher(detail(message));
        return m.matches() ? article(m.group(2).replace("/", " or ")) + ", not " + article(m.group(1)) : detail(message);
    }

    private static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }

    /** Patterns are how the schema spells names, ids and durations; say which one was meant. */
    private static String patternProblem(ValidationMessage message, Node node) {
        String value = "'" + YamlDocument.text(node) + "'";
        String schemaAt = String.valueOf(message.getSchemaLocation());
        if (schemaAt.contains("/duration/")) return value + " is not a duration like P2D, P1W or PT4H";
        if (schemaAt.contains("/name/")) return value + " is not a variable name (letters, digits and _, not starting with a digit)";
        if (schemaAt.contains("/stepId/")) return value + " is not a step id (letters, digits, - and _)";
        return value + " " + detail(message);
    }

    /** networknt prefixes its message with the instance location; the position says that already. */
    private static String detail(ValidationMessage message) {
        String text = message.getMessage();
        String prefix = message.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }

    private static List<Object> elements(JsonNodePath location) {
        List<Object> path = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) path.add(location.getElement(i));
        return path;
    }

    /** "step 'goal'", "ask.validate of step 'goal'", "'idle' of the flow". */
    private static String where(YamlDocument document, List<Object> path) {
        if (path.size() >= 2 && "steps".equals(path.get(0)) && path.get(1) instanceof Integer index) {
            String step = Optional.ofNullable(YamlDocument.text(YamlDocument.get(document.find(path.subList(0, 2)), "id")
                            .orElse(null)))
                    .map(id -> "step '" + id + "'").orElse("step " + (index + 1));
            List<Object> inner = path.subList(2, path.size());
            return inner.isEmpty() ? step : "'" + dotted(inner) + "' of " + step;
        }
        return path.isEmpty() ? "the flow" : "'" + dotted(path) + "' of the flow";
    }

    private static String dotted(List<Object> path) {
        StringBuilder out = new StringBuilder();
        for (Object element : path) {
            if (element instanceof Integer i) out.append('[').append(i + 1).append(']');
            else out.append(out.isEmpty() ? "" : ".").append(element);
        }
        return out.toString();
    }
}
