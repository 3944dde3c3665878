package dev.trellis.flow;

import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;

/**
 * A flow as read from its file, with what the semantic checks need beyond the model: where the flow's own
 * references stand, the node of each text (for positions inside templates) and the compiled expressions.
 */
record ParsedFlow(Flow flow, YamlDocument document, Position idPosition, Position startPosition,
                  Map<String, Position> migrationTargets, Map<Text, Node> textNodes, FlowExpressions expressions) {
}
