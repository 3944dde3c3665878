package dev.trellis.engine;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.FlowLoader;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.YamlMessageBundle;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Flows written inline in a test, loaded and checked like the shipped ones, with the shipped messages. */
final class InlineFlows implements FlowCatalog {

    static final YamlMessageBundle MESSAGES = YamlMessageBundle.load(Path.of("conversation-flows/messages"));

    private final Map<String, Flow> current = new HashMap<>();
    private final Map<String, Flow> versions = new HashMap<>();
    private final Set<String> actions;

    InlineFlows(Set<String> actions) {
        this.actions = actions;
    }

    Flow define(String yaml) {
        FlowLoader loader = new FlowLoader(FlowRules.withActions(actions), MESSAGES);
        String id = yaml.lines().filter(l -> l.startsWith("id:")).findFirst().orElseThrow().substring(3).strip();
        Flow flow = loader.load(List.of(new FlowLoader.Source(id + ".yaml", yaml)), current.keySet()).orThrow().get(0);
        current.put(flow.id(), flow);
        versions.put(flow.id() + "@" + flow.version(), flow);
        return flow;
    }

    @Override
    public Optional<Flow> current(String id) {
        return Optional.ofNullable(current.get(id));
    }

    @Override
    public Optional<Flow> version(String id, String version) {
        return Optional.ofNullable(versions.get(id + "@" + version));
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
