package dev.trellis.engine.store;

import java.util.List;
import java.util.Optional;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;

/**
 * The catalog when no flow loader is configured (a store-only test slice): no flows, no messages. The engine
 * then answers every conversation with its menu of nothing.
 */
final class NoFlows implements FlowCatalog {

    static final MessageBundle NO_MESSAGES = (locale, key) -> List.of();

    @Override
    public Optional<Flow> current(String flowId) {
        return Optional.empty();
    }

    @Override
    public Optional<Flow> version(String flowId, String version) {
        return Optional.empty();
    }

    @Override
    public List<Flow> listed() {
        return List.of();
    }

    @Override
    public List<Flow> all() {
        return List.of();
    }
}
