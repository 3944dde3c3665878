package dev.trellis.flow;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypes;
import dev.cel.common.ast.CelReference;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import org.yaml.snakeyaml.nodes.Node;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles and type-checks the CEL expressions of one flow against its variables (saved variables typed by the
 * step that saves them, params and context variables as {@code dyn}). Remembers which variables each expression
 * reads, for the check that nothing is read before it is saved.
 */
final class FlowExpressions {

    static final CelOptions OPTIONS = CelOptions.current()
            .enableTimestampEpoch(true)
            .enableHeterogeneousNumericComparisons(true)
            .build();

    private static final Pattern UNDECLARED = Pattern.compile("undeclared reference to '([^']+)'.*");

    private final Map<String, CelType> variables;
    private final Map<Map<String, CelType>, Cel> environments = new HashMap<>();
    private final Map<Expr, Set<String>> reads = new IdentityHashMap<>();
    private final Map<Expr, Node> nodes = new IdentityHashMap<>();

    FlowExpressions(Map<String, CelType> variables) {
        this.variables = new TreeMap<>(variables);
    }

    /** A compiled expression and the type CEL inferred for it. */
    record Compiled(Expr expr, CelType type) {
    }

    /**
     * Compiles the scalar at {@code node}. {@code extra} declares variables only this expression sees
     * ({@code answer}, {@code option}); {@code expected} (BOOL or a LIST kind, or null for anything) is the
     * type the place demands. Problems go to {@code errors} and the result is null.
     */
    Compiled compile(YamlDocument document, Node node, Map<String, CelType> extra, CelKind expected,
                     List<FlowError> errors) {
        String source = YamlDocument.text(node);
        if (source == null) return null;
        Cel cel = environment(extra);
        CelValidationResult result = cel.compile(source);
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                var location = issue.getSourceLocation();
                Position at = location.getLine() > 0
                        ? document.at(node, location.getLine(), location.getColumn() + 1)
                        : document.at(node);
                errors.add(new FlowError(at, describe(issue.getMessage(), source, extra)));
            }
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType type = ast.getResultType();
            if (expected != null && type.kind() != CelKind.DYN && type.kind() != expected) {
                errors.add(new FlowError(document.at(node), "'" + source + "' must give a "
                        + expected.name().toLowerCase() + ", but gives " + CelTypes.format(type)));
                return null;
            }
            Expr expr = new Expr(source, document.at(node), cel.createProgram(ast));
            reads.put(expr, variablesRead(ast, extra));
            nodes.put(expr, node);
            return new Compiled(expr, type);
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(new FlowError(document.at(node), "cannot compile '" + source + "': " + e.getMessage()));
            return null;
        }
    }

    /** The flow variables an expression compiled here reads (not {@code answer}/{@code option}). */
    Set<String> reads(Expr expr) {
        return reads.getOrDefault(expr, Set.of());
    }

    /** The YAML scalar an expression compiled here came from. */
    Node node(Expr expr) {
        return nodes.get(expr);
    }

    Set<String> variableNames() {
        return variables.keySet();
    }

    private Set<String> variablesRead(CelAbstractSyntaxTree ast, Map<String, CelType> extra) {
        Set<String> names = new LinkedHashSet<>();
        for (CelReference reference : ast.getReferenceMap().values()) {
            if (reference.overloadIds().isEmpty() && reference.value().isEmpty()
                    && variables.containsKey(reference.name()) && !extra.containsKey(reference.name())) {
                names.add(reference.name());
            }
        }
        return names;
    }

    private String describe(String message, String source, Map<String, CelType> extra) {
        Matcher undeclared = UNDECLARED.matcher(message);
        if (undeclared.matches()) {
            String name = undeclared.group(1);
            Set<String> known = new LinkedHashSet<>(variables.keySet());
            known.addAll(extra.keySet());
            return "undefined variable '" + name + "' in '" + source + "'" + Suggestions.didYouMean(name, known);
        }
        // the overload candidates CEL lists are noise to a flow author
        return "CEL error in '" + source + "': " + message.replaceFirst(" \\(candidates: .*\\)$", "");
    }

    private Cel environment(Map<String, CelType> extra) {
        return environments.computeIfAbsent(Map.copyOf(extra), key -> {
            var builder = CelFactory.standardCelBuilder()
                    .setOptions(OPTIONS)
                    .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
            Map<String, CelType> all = new TreeMap<>(variables);
            all.putAll(key);
            all.forEach(builder::addVar);
            return builder.build();
        });
    }
}
