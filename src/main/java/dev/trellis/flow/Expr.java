package dev.trellis.flow;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CEL expression from a flow file, compiled and type-checked when the flow loads. Evaluation takes plain Java
 * values (String, Long, Double, Boolean, List, Map) and returns plain Java values.
 */
public final class Expr {

    private final String source;
    private final Position position;
    private final CelRuntime.Program program;

    public Expr(String source, Position position, CelRuntime.Program program) {
        this.source = Objects.requireNonNull(source);
        this.position = position;
        this.program = program;
    }

    public String source() {
        return source;
    }

    public Position position() {
        return position;
    }

    /**
     * Evaluates against the given variables; a failure names the flow position, never the values. Only the variables
     * the expression names are looked up (the map may read them from a store on demand).
     */
    public Object evaluate(Map<String, Object> variables) {
        if (program == null) {
            throw new IllegalStateException(position + ": expression was not compiled: " + source);
        }
        try {
            return CelValues.toJava(program.eval(name -> Optional.ofNullable(variables.get(name))));
        } catch (CelEvaluationException e) {
            throw new ExpressionException(position + ": cannot evaluate '" + source + "': " + e.getMessage(), e);
        }
    }

    public boolean test(Map<String, Object> variables) {
        return Boolean.TRUE.equals(evaluate(variables));
    }

    @Override
    public String toString() {
        return source;
    }

    /** Raised when an expression fails at run time (a missing map key, a type mismatch in dyn data). */
    public static final class ExpressionException extends RuntimeException {
        public ExpressionException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
