package dev.trellis.flow;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import org.yaml.snakeyaml.nodes.Node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import static dev.trellis.flow.YamlDocument.bool;
import static dev.trellis.flow.YamlDocument.entries;
import static dev.trellis.flow.YamlDocument.get;
import static dev.trellis.flow.YamlDocument.items;
import static dev.trellis.flow.YamlDocument.text;

/** Reads one step (its kind, save, next, timeout and end) and compiles its expressions. */
final class StepParser {

    private final YamlDocument document;
    private final FlowExpressions expressions;
    private final Function<Node, Text> texts;
    private final List<FlowError> errors;

    StepParser(YamlDocument document, FlowExpressions expressions, Function<Node, Text> texts, List<FlowError> errors) {
        this.document = document;
        this.expressions = expressions;
        this.texts = texts;
        this.errors = errors;
    }

    Optional<Step> parse(Node node) {
        String id = get(node, "id").map(YamlDocument::text).orElse(null);
        if (id == null) return Optional.empty();
        Position position = document.at(node);
        Optional<Node> endNode = get(node, "end");
        boolean endFlag = endNode.map(n -> Boolean.TRUE.equals(bool(n))).orElse(false);
        List<String> kinds = new ArrayList<>();
        for (String kind : FlowParser.KINDS) {
            if (get(node, kind).isPresent() && !(kind.equals("end") && bool(get(node, kind).get()) != null)) {
                kinds.add(kind);
            }
        }
        StepKind kind;
        if (kinds.size() > 1) {
            errors.add(new FlowError(position, "step '" + id + "' has more than one kind: " + String.join(", ", kinds)
                    + " (split it into one step each)"));
            return Optional.empty();
        } else if (kinds.isEmpty()) {
            if (!endFlag) {
                errors.add(new FlowError(position, "step '" + id + "' needs one of "
                        + String.join(", ", FlowParser.KINDS)));
                return Optional.empty();
            }
            kind = new StepKind.End(null);
            endFlag = false;
        } else {
            kind = kind(id, kinds.get(0), get(node, kinds.get(0)).get(), node);
            if (kind == null) return Optional.empty();
        }
        String save = get(node, "save").map(YamlDocument::text).orElse(null);
        checkSaveAndWith(id, kind, node, save);
        List<Branch> next = next(get(node, "next").orElse(null));
        Timeout timeout = get(node, "timeout").map(this::timeout).orElse(null);
        Step step = new Step(id, kind, save, next, timeout, endFlag, position);
        if (timeout != null && !step.waitsForAnswer()) {
            errors.add(new FlowError(document.at(YamlDocument.keyNode(node, "timeout").get()), "'timeout' in step '"
                    + id + "' only applies to steps that wait for an answer (ask, choice, scale, confirm)"));
        }
        return Optional.of(step);
    }

    private void checkSaveAndWith(String id, StepKind kind, Node node, String save) {
        boolean savesSomething = kind instanceof StepKind.Ask || kind instanceof StepKind.Choice
                || kind instanceof StepKind.Scale || kind instanceof StepKind.Confirm
                || kind instanceof StepKind.Share || kind instanceof StepKind.Action || kind instanceof StepKind.Call;
        if (save != null && !savesSomething) {
            errors.add(new FlowError(document.at(get(node, "save").get()),
                    "step '" + id + "' has nothing to save (only ask, choice, scale, confirm, share, action and call do)"));
        }
        boolean takesWith = kind instanceof StepKind.Action || kind instanceof StepKind.Call
                || kind instanceof StepKind.Schedule;
        if (get(node, "with").isPresent() && !takesWith) {
            errors.add(new FlowError(document.at(YamlDocument.keyNode(node, "with").get()),
                    "'with' in step '" + id + "' only applies to action, call and schedule steps"));
        }
    }

    private StepKind kind(String id, String name, Node value, Node step) {
        return switch (name) {
            case "say" -> new StepKind.Say(texts.apply(value));
            case "ask" -> ask(value);
            case "choice" -> choice(value);
            case "scale" -> scale(id, value);
            case "confirm" -> YamlDocument.isMapping(value)
                    ? new StepKind.Confirm(texts.apply(child(value, "text")), texts.apply(child(value, "yes")),
                        texts.apply(child(value, "no")), get(value, "ownWords").map(YamlDocument::text).orElse(null),
                        get(value, "ownWords").map(document::at).orElse(null))
                    : new StepKind.Confirm(texts.apply(value), null, null);
            case "share" -> share(id, value);
            case "set" -> new StepKind.SetVars(expressionMap(value));
            case "action" -> new StepKind.Action(text(value), withOf(step), document.at(value));
            case "call" -> new StepKind.Call(text(value), withOf(step), document.at(value));
            case "schedule" -> schedule(id, value, step);
            case "unschedule" -> new StepKind.Unschedule(text(value));
            case "end" -> new StepKind.End(texts.apply(value));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * A share: the question (like a confirm), the audience and the items by reference. An unknown audience or item
     * kind, or no item at all, fails the load: a flow must never promise to share something nobody can read.
     */
    private StepKind.Share share(String id, Node value) {
        // the schema reports a share without text, audience or items, and an unknown audience or item kind, where
        // it is written; here only what it described is read (an item the schema refused is left out)
        if (!YamlDocument.isMapping(value)) return null;
        String audience = get(value, "audience").map(YamlDocument::text).orElse(null);
        List<StepKind.Share.Item> items = new ArrayList<>();
        for (Node item : get(value, "items").map(YamlDocument::items).orElse(List.of())) {
            String kind = get(item, "kind").map(YamlDocument::text).orElse(null);
            Optional<Node> idNode = get(item, "id");
            if (kind == null || !StepKind.Share.ITEM_KINDS.contains(kind) || idNode.isEmpty()) continue;
            items.add(new StepKind.Share.Item(kind, compile(idNode.get(), Map.of(), null), document.at(idNode.get())));
        }
        return new StepKind.Share(texts.apply(child(value, "text")), texts.apply(child(value, "yes")),
                texts.apply(child(value, "no")), audience, items);
    }

    /** A timer: its when is checked here, so a delay or recurrence that makes no sense fails the load. */
    private StepKind.Schedule schedule(String id, Node value, Node step) {
        String name = get(value, "name").map(YamlDocument::text).orElse(null);
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,59}")) {
            errors.add(new FlowError(document.at(get(value, "name").orElse(value)), "schedule in step '" + id
                    + "' needs a name of letters, digits and . _ : - (the timer's name, to replace or cancel it)"));
        }
        Expr at = get(value, "at").map(n -> compile(n, Map.of(), null)).orElse(null);
        java.time.Duration after = get(value, "after").map(n -> delay(n)).orElse(null);
        Recurrence every = null;
        Expr everyExpr = null;
        Optional<Node> everyNode = get(value, "every");
        if (everyNode.isPresent()) {
            String spec = text(everyNode.get());
            if (spec != null && spec.length() > 1 && (spec.startsWith("'") && spec.endsWith("'"))) {
                every = recurrence(everyNode.get(), spec.substring(1, spec.length() - 1));
            } else if (spec != null && spec.matches("(?i)\\s*(weekly|monthly|every|cron)\\b.*")) {
                every = recurrence(everyNode.get(), spec);
            } else {
                everyExpr = compile(everyNode.get(), Map.of(), null);
            }
        }
        int whens = (get(value, "at").isPresent() ? 1 : 0) + (get(value, "after").isPresent() ? 1 : 0)
                + (everyNode.isPresent() ? 1 : 0);
        if (whens != 1) {
            errors.add(new FlowError(document.at(value), "schedule in step '" + id
                    + "' needs exactly one of at, after or every"));
        }
        Optional<Node> flowNode = get(value, "flow");
        return new StepKind.Schedule(name, flowNode.map(YamlDocument::text).orElse(null),
                get(value, "step").map(YamlDocument::text).orElse(null), at, after, every, everyExpr, withOf(step),
                document.at(flowNode.orElse(value)));
    }

    private java.time.Duration delay(Node node) {
        java.time.Duration after = FlowParser.parseDuration(text(node)).orElse(null);
        if (after == null || after.isNegative() || after.compareTo(java.time.Duration.ofMinutes(1)) < 0) {
            errors.add(new FlowError(document.at(node), "'" + text(node) + "' is not a delay of a minute or more "
                    + "like P3D, P1W or PT4H"));
            return null;
        }
        return after;
    }

    private Recurrence recurrence(Node node, String spec) {
        try {
            return Recurrence.parse(spec);
        } catch (IllegalArgumentException e) {
            errors.add(new FlowError(document.at(node), e.getMessage()));
            return null;
        }
    }

    private StepKind.Ask ask(Node value) {
        if (!YamlDocument.isMapping(value)) {
            return new StepKind.Ask(texts.apply(value), StepKind.AnswerType.TEXT, Validation.NONE, Retry.DEFAULT,
                    StepKind.Reflect.NONE, null);
        }
        StepKind.AnswerType type = switch (get(value, "type").map(YamlDocument::text).orElse("text")) {
            case "number" -> StepKind.AnswerType.NUMBER;
            case "date" -> StepKind.AnswerType.DATE;
            default -> StepKind.AnswerType.TEXT;
        };
        CelType answer = type == StepKind.AnswerType.NUMBER ? SimpleType.DOUBLE : SimpleType.STRING;
        Validation validation = get(value, "validate").map(v -> validation(v, answer)).orElse(Validation.NONE);
        StepKind.Reflect reflect = switch (get(value, "reflect").map(YamlDocument::text).orElse("none")) {
            case "confirm" -> StepKind.Reflect.CONFIRM;
            case "acknowledge" -> StepKind.Reflect.ACKNOWLEDGE;
            default -> StepKind.Reflect.NONE;
        };
        String about = get(value, "about").map(YamlDocument::text).orElse(null);
        return new StepKind.Ask(texts.apply(child(value, "text")), type, validation, retry(value), reflect, about);
    }

    private Validation validation(Node node, CelType answer) {
        String pattern = get(node, "pattern").map(YamlDocument::text).orElse(null);
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                errors.add(new FlowError(document.at(get(node, "pattern").get()),
                        "invalid pattern '" + pattern + "': " + e.getDescription()));
                pattern = null;
            }
        }
        Expr rule = get(node, "rule").map(r -> compile(r, Map.of("answer", answer), CelKind.BOOL)).orElse(null);
        return new Validation(intAt(node, "minLength"), intAt(node, "maxLength"),
                get(node, "min").map(YamlDocument::number).orElse(null),
                get(node, "max").map(YamlDocument::number).orElse(null), pattern,
                Boolean.TRUE.equals(get(node, "notInPast").map(YamlDocument::bool).orElse(false)), rule,
                texts.apply(child(node, "message")));
    }

    private StepKind.Choice choice(Node value) {
        Node options = child(value, "options");
        List<Option> literal = new ArrayList<>();
        Expr optionsExpr = null;
        if (YamlDocument.isSequence(options)) {
            for (Node item : items(options)) {
                if (YamlDocument.isMapping(item)) {
                    String v = get(item, "value").map(YamlDocument::text).orElse(null);
                    Node label = child(item, "label");
                    if (v != null) literal.add(new Option(v, label != null ? texts.apply(label)
                            : Text.literal(v, document.at(item))));
                } else if (text(item) != null) {
                    literal.add(new Option(text(item), texts.apply(item)));
                }
            }
        } else if (options != null) {
            optionsExpr = compile(options, Map.of(), CelKind.LIST);
        }
        Map<String, CelType> option = Map.of("option", SimpleType.DYN);
        Expr label = get(value, "label").map(n -> compile(n, option, null)).orElse(null);
        Expr val = get(value, "value").map(n -> compile(n, option, null)).orElse(null);
        if (YamlDocument.isSequence(options) && (label != null || val != null)) {
            errors.add(new FlowError(document.at(YamlDocument.keyNode(value, label != null ? "label" : "value").get()),
                    "'label' and 'value' apply only to options given as an expression"));
        }
        boolean multiple = Boolean.TRUE.equals(get(value, "multiple").map(YamlDocument::bool).orElse(false));
        return new StepKind.Choice(texts.apply(child(value, "text")), multiple, literal, optionsExpr, label, val,
                retry(value));
    }

    private StepKind.Scale scale(String id, Node value) {
        Integer min = intAt(value, "min");
        Integer max = intAt(value, "max");
        if (min != null && max != null && min >= max) {
            errors.add(new FlowError(document.at(value), "scale of step '" + id + "' needs min below max"));
        }
        return new StepKind.Scale(texts.apply(child(value, "text")), min == null ? 1 : min, max == null ? 10 : max,
                texts.apply(child(value, "minLabel")), texts.apply(child(value, "maxLabel")), retry(value));
    }

    private Retry retry(Node kindNode) {
        Optional<Node> retry = get(kindNode, "retry");
        if (retry.isEmpty()) return Retry.DEFAULT;
        Integer max = intAt(retry.get(), "max");
        Optional<Node> then = get(retry.get(), "then");
        return new Retry(max == null ? Retry.DEFAULT.max() : max, then.map(YamlDocument::text).orElse(null),
                document.at(then.orElse(retry.get())));
    }

    private List<Branch> next(Node node) {
        if (node == null) return List.of();
        if (YamlDocument.isScalar(node)) return List.of(new Branch(null, text(node), document.at(node)));
        List<Branch> branches = new ArrayList<>();
        for (Node item : items(node)) {
            Optional<Node> target = get(item, "goto");
            if (target.isEmpty() || text(target.get()) == null) continue;
            Expr when = get(item, "if").map(n -> compile(n, Map.of(), CelKind.BOOL)).orElse(null);
            branches.add(new Branch(when, text(target.get()), document.at(target.get())));
        }
        return branches;
    }

    private Timeout timeout(Node node) {
        Optional<Node> target = get(node, "goto");
        Duration after = get(node, "after").map(YamlDocument::text).flatMap(FlowParser::parseDuration).orElse(null);
        if (after == null || target.isEmpty()) return null;
        return new Timeout(after, text(target.get()), document.at(target.get()));
    }

    private Map<String, Expr> withOf(Node step) {
        return get(step, "with").map(this::expressionMap).orElse(Map.of());
    }

    private Map<String, Expr> expressionMap(Node node) {
        Map<String, Expr> values = new LinkedHashMap<>();
        entries(node).forEach(t -> {
            String name = text(t.getKeyNode());
            Expr expr = compile(t.getValueNode(), Map.of(), null);
            if (name != null && expr != null) values.put(name, expr);
        });
        return values;
    }

    private Expr compile(Node node, Map<String, CelType> extra, CelKind expected) {
        if (!YamlDocument.isScalar(node)) return null;
        var compiled = expressions.compile(document, node, extra, expected, errors);
        return compiled == null ? null : compiled.expr();
    }

    private static Integer intAt(Node mapping, String key) {
        return get(mapping, key).map(YamlDocument::integer).map(Long::intValue).orElse(null);
    }

    private static Node child(Node mapping, String key) {
        return get(mapping, key).orElse(null);
    }

}
