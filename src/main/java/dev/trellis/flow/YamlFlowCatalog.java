package dev.trellis.flow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The flows in a directory ({@code *.yaml}, messages in {@code messages/}), loaded once and checked together.
 * Construction fails with a {@link FlowException} listing every error of every file. Each loaded version is
 * remembered in a {@link FlowVersionStore}, so {@link #version} can rebuild one a conversation started on.
 */
public class YamlFlowCatalog implements FlowCatalog {

    private static final Logger log = LoggerFactory.getLogger(YamlFlowCatalog.class);

    private final Map<String, Flow> current = new LinkedHashMap<>();
    private final Map<String, Optional<Flow>> older = new ConcurrentHashMap<>();
    private final FlowLoader loader;
    private final FlowVersionStore versions;
    private final YamlMessageBundle messages;

    /** Loads {@code dir}; a missing directory gives an empty catalog. */
    public YamlFlowCatalog(Path dir, FlowRules rules, FlowVersionStore versions) {
        this.versions = versions;
        List<FlowError> errors = new ArrayList<>();
        this.messages = YamlMessageBundle.load(dir.resolve("messages"), errors);
        this.loader = new FlowLoader(rules, messages);
        FlowLoader.Result result;
        try {
            result = loader.loadFiles(flowFiles(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read flows in " + dir, e);
        }
        errors.addAll(result.errors());
        if (!errors.isEmpty()) {
            errors.sort(null);
            errors.forEach(e -> log.error("{}", e));
            throw new FlowException(errors);
        }
        result.flows().forEach(flow -> {
            current.put(flow.id(), flow);
            versions.remember(flow);
        });
        log.info("Loaded {} flow(s) from {}: {}", current.size(), dir, current.keySet());
    }

    /** The {@code *.yaml} files directly in {@code dir}, by name. */
    static List<Path> flowFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    /** The messages loaded with the flows. */
    public YamlMessageBundle messages() {
        return messages;
    }

    @Override
    public Optional<Flow> current(String flowId) {
        return Optional.ofNullable(current.get(flowId));
    }

    /**
     * The current flow when {@code version} is its version; otherwise the stored source of that version, loaded
     * against today's actions and flows. Empty when it was never stored or no longer loads (the conversation
     * is then offered a restart).
     */
    @Override
    public Optional<Flow> version(String flowId, String version) {
        Flow now = current.get(flowId);
        if (now != null && now.version().equals(version)) return Optional.of(now);
        return older.computeIfAbsent(flowId + "@" + version, key -> versions.find(flowId, version).flatMap(stored -> {
            try {
                return Optional.of(loader.loadOne(stored.file(), stored.source(), Set.copyOf(current.keySet())));
            } catch (FlowException e) {
                log.warn("Flow {} version {} no longer loads: {}", flowId, version, e.getMessage());
                return Optional.empty();
            }
        }));
    }

    @Override
    public List<Flow> listed() {
        return current.values().stream().filter(Flow::listed).toList();
    }

    @Override
    public List<Flow> all() {
        return List.copyOf(current.values());
    }
}
