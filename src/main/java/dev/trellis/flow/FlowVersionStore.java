package dev.trellis.flow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the source of every flow version the application has run, by content hash, so a conversation can finish
 * on the version it started on after the file has changed.
 */
public interface FlowVersionStore {

    /** A flow's source as it was at one version. */
    record StoredVersion(String flowId, String version, String file, String source) {
    }

    /** Stores the flow's source under its id and version; storing the same version again changes nothing. */
    void remember(Flow flow);

    Optional<StoredVersion> find(String flowId, String version);

    /** Versions kept in memory only: for tests, and tools that run without a database. */
    static FlowVersionStore inMemory() {
        Map<String, StoredVersion> versions = new ConcurrentHashMap<>();
        return new FlowVersionStore() {
            @Override
            public void remember(Flow flow) {
                versions.putIfAbsent(flow.id() + "@" + flow.version(),
                        new StoredVersion(flow.id(), flow.version(), flow.file(), flow.source()));
            }

            @Override
            public Optional<StoredVersion> find(String flowId, String version) {
                return Optional.ofNullable(versions.get(flowId + "@" + version));
            }
        };
    }
}
