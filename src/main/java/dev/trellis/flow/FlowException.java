package dev.trellis.flow;

import java.util.List;
import java.util.stream.Collectors;

/** Flow files that cannot be used; the message lists every error, one {@code file:line:col: message} per line. */
public class FlowException extends RuntimeException {

    private final transient List<FlowError> errors;

    public FlowException(List<FlowError> errors) {
        super(errors.size() + " error(s) in flow files:\n"
                + errors.stream().map(FlowError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<FlowError> errors() {
        return errors;
    }
}
