package dev.trellis.flow;

import java.util.List;
import java.util.Optional;

/** The flows the application runs: the current version of each, and older versions that conversations started on. */
public interface FlowCatalog {

    /** The current version of a flow. */
    Optional<Flow> current(String flowId);

    /** A specific version (content hash) of a flow, current or kept from earlier. */
    Optional<Flow> version(String flowId, String version);

    /** Flows shown in the menu, in menu order. */
    List<Flow> listed();

    /** Every current flow. */
    List<Flow> all();
}
