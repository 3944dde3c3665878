package dev.trellis.flow;

import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.trellis.flow.YamlDocument.bool;
import static dev.trellis.flow.YamlDocument.entries;
import static dev.trellis.flow.YamlDocument.get;
import static dev.trellis.flow.YamlDocument.items;
import static dev.trellis.flow.YamlDocument.text;

/**
 * Builds the {@link Flow} model from a composed YAML document. Shape problems the schema reports are skipped
 * quietly here (the schema error says what is wrong), so one pass over a broken file still finds every other
 * problem.
 */
final class FlowParser {

    static final List<String> KINDS = List.of("say", "ask", "choice", "scale", "confirm", "share", "set", "action", "call", "schedule",
            "unschedule", "end");

    private final YamlDocument document;
    private final String source;
    private final FlowRules rules;
    private final List<FlowError> errors;
    private final Map<Text, Node> textNodes = new IdentityHashMap<>();

    FlowParser(YamlDocument document, String source, FlowRules rules, List<FlowError> errors) {
        this.document = document;
        this.source = source;
        this.rules = rules;
        this.errors = errors;
    }

    ParsedFlow parse() {
        Node root = document.root();
        String id = stringAt(root, "id");
        List<String> params = new ArrayList<>();
        get(root, "params").ifPresent(p -> items(p).forEach(item -> Optional.ofNullable(text(item)).ifPresent(params::add)));
        List<Node> stepNodes = get(root, "steps").map(YamlDocument::items).orElse(List.of());

        FlowExpressions expressions = new FlowExpressions(variableTypes(stepNodes, params));
        StepParser steps = new StepParser(document, expressions, this::textOf, errors);
        List<Step> parsed = new ArrayList<>();
        for (Node stepNode : stepNodes) {
            if (YamlDocument.isMapping(stepNode)) steps.parse(stepNode).ifPresent(parsed::add);
        }

        Map<String, String> migrations = new LinkedHashMap<>();
        Map<String, Position> migrationTargets = new LinkedHashMap<>();
        get(root, "migrations").ifPresent(m -> entries(m).forEach(t -> {
            String from = text(t.getKeyNode());
            String to = text(t.getValueNode());
            if (from != null && to != null) {
                migrations.put(from, to);
                migrationTargets.put(from, document.at(t.getValueNode()));
            }
        }));

        Optional<Node> startNode = get(root, "start");
        String start = startNode.map(YamlDocument::text).orElse(parsed.isEmpty() ? null : parsed.get(0).id());
        Duration idle = get(root, "idle").map(this::duration).orElse(null);
        boolean listed = get(root, "listed").map(YamlDocument::bool).orElse(true);
        boolean welcome = Boolean.TRUE.equals(get(root, "welcome").map(YamlDocument::bool).orElse(false));

        Flow flow = new Flow(id, stringAt(root, "title"), stringAt(root, "description"), start, params, parsed,
                migrations, idle, listed, version(source), source, document.file(), welcome);
        Position idPosition = get(root, "id").map(document::at).orElse(document.at(root));
        Position startPosition = startNode.map(document::at).orElse(idPosition);
        return new ParsedFlow(flow, document, idPosition, startPosition, migrationTargets, textNodes, expressions);
    }

    /** The content hash a flow version is known by. */
    static String version(String source) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    private String stringAt(Node mapping, String key) {
        return get(mapping, key).map(YamlDocument::text).orElse(null);
    }

    /** A text: a template string or {@code {msg: key}}; null when the node is neither. */
    Text textOf(Node node) {
        if (node == null) return null;
        Text text = null;
        if (YamlDocument.isScalar(node) && bool(node) == null) {
            text = Text.literal(text(node), document.at(node));
        } else if (YamlDocument.isMapping(node)) {
            String key = get(node, "msg").map(YamlDocument::text).orElse(null);
            if (key != null) text = Text.message(key, document.at(get(node, "msg").get()));
        }
        if (text != null) textNodes.put(text, node);
        return text;
    }

    private Duration duration(Node node) {
        String value = text(node);
        if (value == null) return null;
        // the schema reports a malformed duration
        return parseDuration(value).orElse(null);
    }

    /** ISO-8601 durations, plus weeks ({@code P1W}), which {@link Duration#parse} does not take. */
    static Optional<Duration> parseDuration(String value) {
        try {
            return Optional.of(Duration.parse(value));
        } catch (DateTimeParseException e) {
            try {
                Period period = Period.parse(value);
                if (period.getYears() == 0 && period.getMonths() == 0) return Optional.of(Duration.ofDays(period.getDays()));
            } catch (DateTimeParseException ignored) {
                // not a period either
            }
            return Optional.empty();
        }
    }

    /**
     * The type of every variable the flow can refer to: params and context variables are dyn, a saved variable
     * has the type of what its step saves (dyn when two steps save different types under one name).
     */
    private Map<String, CelType> variableTypes(List<Node> stepNodes, List<String> params) {
        Map<String, CelType> types = new HashMap<>();
        rules.contextVariables().forEach(v -> types.put(v, SimpleType.DYN));
        params.forEach(p -> types.put(p, SimpleType.DYN));
        Map<String, CelType> saved = new HashMap<>();
        Map<String, List<Node>> setExpressions = new LinkedHashMap<>();
        for (Node step : stepNodes) {
            String save = get(step, "save").map(YamlDocument::text).orElse(null);
            if (save != null) savedType(step).ifPresent(type -> merge(saved, save, type));
            get(step, "set").ifPresent(set -> entries(set).forEach(t -> {
                String name = text(t.getKeyNode());
                if (name != null) setExpressions.computeIfAbsent(name, n -> new ArrayList<>()).add(t.getValueNode());
            }));
        }
        saved.forEach(types::putIfAbsent);
        setExpressions.keySet().forEach(name -> types.putIfAbsent(name, SimpleType.DYN));
        // a variable only `set` defines takes its expression's type, inferred where set variables are still dyn
        FlowExpressions first = new FlowExpressions(types);
        Map<String, CelType> inferred = new HashMap<>();
        setExpressions.forEach((name, nodes) -> {
            if (saved.containsKey(name) || params.contains(name) || rules.contextVariables().contains(name)) return;
            for (Node node : nodes) {
                var compiled = first.compile(document, node, Map.of(), null, new ArrayList<>());
                merge(inferred, name, compiled == null ? SimpleType.DYN : compiled.type());
            }
        });
        types.putAll(inferred);
        return types;
    }

    private static void merge(Map<String, CelType> types, String name, CelType type) {
        types.merge(name, type, (a, b) -> a.equals(b) ? a : SimpleType.DYN);
    }

    private static Optional<CelType> savedType(Node step) {
        if (get(step, "ask").isPresent()) {
            String type = get(step, "ask").flatMap(a -> get(a, "type")).map(YamlDocument::text).orElse("text");
            return Optional.of("number".equals(type) ? SimpleType.DOUBLE : SimpleType.STRING);
        }
        if (get(step, "scale").isPresent()) return Optional.of(SimpleType.INT);
        if (get(step, "confirm").isPresent()) return Optional.of(SimpleType.BOOL);
        if (get(step, "choice").isPresent()) {
            Node choice = get(step, "choice").get();
            if (Boolean.TRUE.equals(get(choice, "multiple").map(YamlDocument::bool).orElse(false))) {
                return Optional.of(ListType.create(SimpleType.DYN));
            }
            boolean literal = get(choice, "options").map(YamlDocument::isSequence).orElse(false);
            return Optional.of(literal ? SimpleType.STRING : SimpleType.DYN);
        }
        if (get(step, "action").isPresent() || get(step, "call").isPresent()) {
            return Optional.of(MapType.create(SimpleType.STRING, SimpleType.DYN));
        }
        return Optional.empty();
    }
}
