package dev.trellis.flow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads flow files into checked {@link Flow}s: YAML with positions, the JSON schema, CEL compiled and type-checked,
 * and the semantic checks (steps, variables, actions, sub-flows, message keys). Pure: no Spring, no database.
 * Every error of every file is reported, each as {@code file:line:col: message}.
 */
public final class FlowLoader {

    /** A flow file's name (as it appears in errors) and text. */
    public record Source(String file, String text) {
    }

    /** The flows that loaded without error, and every error found. */
    public record Result(List<Flow> flows, List<FlowError> errors) {
        public Result {
            flows = List.copyOf(flows);
            errors = errors.stream().sorted().toList();
        }

        public boolean ok() {
            return errors.isEmpty();
        }

        /** The flows, or a {@link FlowException} listing every error. */
        public List<Flow> orThrow() {
            if (!ok()) throw new FlowException(errors);
            return flows;
        }
    }

    private final FlowRules rules;
    private final MessageBundle messages;
    private final FlowSchema schema = new FlowSchema();

    public FlowLoader(FlowRules rules, MessageBundle messages) {
        this.rules = rules;
        this.messages = messages;
    }

    /** Loads files that belong together: a {@code call} may name any flow among them (or in {@code otherFlowIds}). */
    public Result load(List<Source> sources, Set<String> otherFlowIds) {
        List<FlowError> errors = new ArrayList<>();
        List<ParsedFlow> parsed = new ArrayList<>();
        for (Source source : sources) read(source, errors).ifPresent(parsed::add);
        Set<String> ids = new LinkedHashSet<>(otherFlowIds);
        Map<String, List<String>> params = new HashMap<>();
        parsed.forEach(p -> {
            if (p.flow().id() != null) {
                ids.add(p.flow().id());
                params.put(p.flow().id(), p.flow().params());
            }
        });
        List<Flow> flows = new ArrayList<>();
        for (ParsedFlow p : parsed) {
            List<FlowError> own = new ArrayList<>();
            new FlowChecks(p, ids, params, rules, messages, own).run();
            errors.addAll(own);
            boolean clean = own.isEmpty() && errors.stream().noneMatch(e -> e.position().file().equals(p.flow().file()));
            if (clean) flows.add(p.flow());
        }
        return new Result(flows, errors);
    }

    public Result load(List<Source> sources) {
        return load(sources, Set.of());
    }

    /** Reads the files (UTF-8) and loads them together. */
    public Result loadFiles(List<Path> files) throws IOException {
        List<Source> sources = new ArrayList<>();
        for (Path file : files) sources.add(new Source(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        return load(sources);
    }

    /**
     * Loads one flow, e.g. an older version kept by content hash, whose sub-flows are among {@code flowIds}.
     *
     * @throws FlowException listing every error
     */
    public Flow loadOne(String file, String text, Set<String> flowIds) {
        return load(List.of(new Source(file, text)), flowIds).orThrow().get(0);
    }

    private Optional<ParsedFlow> read(Source source, List<FlowError> errors) {
        Optional<YamlDocument> document = YamlDocument.parse(source.file(), source.text(), errors);
        if (document.isEmpty()) return Optional.empty();
        schema.validate(document.get(), errors);
        if (!YamlDocument.isMapping(document.get().root())) return Optional.empty();
        return Optional.of(new FlowParser(document.get(), source.text(), rules, errors).parse());
    }
}
