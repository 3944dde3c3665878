package dev.trellis.flow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A YAML file composed into SnakeYAML nodes, so that everything read from it keeps its line and column. Only
 * {@code true}/{@code false} count as booleans (YAML 1.2), so {@code yes: Yes} in a confirm stays text.
 */
final class YamlDocument {

    private final String file;
    private final String[] lines;
    private final Node root;

    private YamlDocument(String file, String source, Node root) {
        this.file = file;
        this.lines = source.split("\r?\n", -1);
        this.root = root;
    }

    /** Parses {@code source}; a syntax error is added to {@code errors} and the result is empty. */
    static Optional<YamlDocument> parse(String file, String source, List<FlowError> errors) {
        try {
            Optional<FlowError> alias = firstAlias(file, source);
            if (alias.isPresent()) {
                errors.add(alias.get());
                return Optional.empty();
            }
            // composing keeps duplicate keys; toJson reports them with their position
            Node root = new Yaml(options()).compose(new StringReader(source));
            if (root == null) {
                errors.add(new FlowError(Position.unknown(file), "the file is empty"));
                return Optional.empty();
            }
            return Optional.of(new YamlDocument(file, source, root));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Position at = mark == null ? Position.unknown(file) : new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
            errors.add(new FlowError(at, "YAML syntax error: " + problem.trim() + context));
            return Optional.empty();
        } catch (YAMLException e) {
            errors.add(new FlowError(Position.unknown(file), "YAML syntax error: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Flow and message files are written by hand and read by people: an alias ({@code *name}) makes a reader look
     * elsewhere for the text, and a chain of them (a "billion laughs" file) expands into more nodes than memory
     * holds, or loops forever when an alias points into its own anchor. So aliases are refused before anything is
     * built, at the line where the first one stands.
     */
    private static Optional<FlowError> firstAlias(String file, String source) {
        for (Event event : new Yaml(options()).parse(new StringReader(source))) {
            if (event instanceof AliasEvent) {
                Mark mark = event.getStartMark();
                return Optional.of(new FlowError(new Position(file, mark.getLine() + 1, mark.getColumn() + 1),
                        "aliases (*name) are not allowed: write the text out where it is used"));
            }
        }
        return Optional.empty();
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(50);
        options.setCodePointLimit(1024 * 1024);
        return options;
    }

    String file() {
        return file;
    }

    Node root() {
        return root;
    }

    Position at(Node node) {
        Mark mark = node.getStartMark();
        return new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /**
     * The position of a place inside a scalar's value ({@code line}, {@code column} count from 1 within the
     * value). Exact when the scalar sits on one line and the file spells it as its value (plain or quoted
     * without escapes); otherwise the scalar's own position.
     */
    Position at(Node node, int line, int column) {
        if (!(node instanceof ScalarNode scalar) || line != 1) return at(node);
        Mark start = scalar.getStartMark();
        Mark end = scalar.getEndMark();
        if (start.getLine() != end.getLine() || start.getLine() >= lines.length) return at(node);
        String text = lines[start.getLine()];
        if (end.getColumn() > text.length()) return at(node);
        String raw = text.substring(start.getColumn(), end.getColumn());
        int quote = switch (scalar.getScalarStyle()) {
            case PLAIN -> 0;
            case SINGLE_QUOTED, DOUBLE_QUOTED -> 1;
            default -> -1;
        };
        if (quote < 0 || raw.length() != scalar.getValue().length() + 2 * quote
                || !raw.startsWith(scalar.getValue(), quote)) {
            return at(node);
        }
        return new Position(file, start.getLine() + 1, start.getColumn() + 1 + quote + column - 1);
    }

    // ---- reading nodes ----------------------------------------------------------------------------------

    static Optional<Node> get(Node mapping, String key) {
        return tuple(mapping, key).map(NodeTuple::getValueNode);
    }

    static Optional<Node> keyNode(Node mapping, String key) {
        return tuple(mapping, key).map(NodeTuple::getKeyNode);
    }

    private static Optional<NodeTuple> tuple(Node mapping, String key) {
        if (!(mapping instanceof MappingNode map)) return Optional.empty();
        for (NodeTuple t : map.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) return Optional.of(t);
        }
        return Optional.empty();
    }

    static List<NodeTuple> entries(Node mapping) {
        return mapping instanceof MappingNode map ? map.getValue() : List.of();
    }

    static List<Node> items(Node sequence) {
        return sequence instanceof SequenceNode seq ? seq.getValue() : List.of();
    }

    static boolean isScalar(Node node) {
        return node instanceof ScalarNode s && !isNull(s);
    }

    static boolean isMapping(Node node) {
        return node instanceof MappingNode;
    }

    static boolean isSequence(Node node) {
        return node instanceof SequenceNode;
    }

    /** The text of a scalar (any scalar: numbers and booleans too), or null. */
    static String text(Node node) {
        return node instanceof ScalarNode s && !isNull(s) ? s.getValue() : null;
    }

    static Boolean bool(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String v = s.getValue().toLowerCase();
            if (v.equals("true")) return true;
            if (v.equals("false")) return false;
        }
        return null;
    }

    static Long integer(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Long.parseLong(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static Double number(Node node) {
        Long i = integer(node);
        if (i != null) return i.doubleValue();
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.FLOAT)) {
            try {
                return Double.parseDouble(s.getValue().replace("_", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean isNull(ScalarNode s) {
        return s.getTag().equals(Tag.NULL);
    }

    // ---- JSON view for the schema ---------------------------------------------------------------------------

    /** The document as a Jackson tree; duplicate keys are reported (they would silently overwrite). */
    JsonNode toJson(List<FlowError> errors) {
        return toJson(root, errors);
    }

    private JsonNode toJson(Node node, List<FlowError> errors) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (node instanceof MappingNode map) {
            ObjectNode object = json.objectNode();
            Set<String> seen = new HashSet<>();
            for (NodeTuple t : map.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                if (!seen.add(key)) {
                    errors.add(new FlowError(at(t.getKeyNode()), "duplicate key '" + key + "'"));
                    continue;
                }
                object.set(key, toJson(t.getValueNode(), errors));
            }
            return object;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode array = json.arrayNode();
            seq.getValue().forEach(item -> array.add(toJson(item, errors)));
            return array;
        }
        ScalarNode scalar = (ScalarNode) node;
        if (isNull(scalar)) return json.nullNode();
        Boolean b = bool(scalar);
        if (b != null) return json.booleanNode(b);
        Long i = integer(scalar);
        if (i != null) return json.numberNode(i);
        if (scalar.getTag().equals(Tag.FLOAT)) {
            Double d = number(scalar);
            if (d != null && Double.isFinite(d)) return json.numberNode(d);
        }
        return json.textNode(scalar.getValue());
    }

    /** The node a JSON path (names and indexes from the root) points at, as far as it exists. */
    Node find(List<Object> path) {
        Node node = root;
        for (Object element : path) {
            Optional<Node> next = element instanceof Integer index
                    ? (node instanceof SequenceNode seq && index < seq.getValue().size()
                        ? Optional.of(seq.getValue().get(index)) : Optional.empty())
                    : get(node, String.valueOf(element));
            if (next.isEmpty()) return node;
            node = next.get();
        }
        return node;
    }
}
