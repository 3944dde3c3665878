package dev.trellis.engine;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.Templates;

/** What a turn needs from outside the conversation. */
record EngineParts(FlowCatalog flows, MessageBundle messages, Templates templates, ActionRunner actions,
                   PersonContext context, Reflector reflector, Words words, AnswerReader reader) {

    /** A flow at a version, falling back to the current one when the version is no longer known. */
    Flow flowAt(String flowId, String version) {
        return flows.version(flowId, version)
                .or(() -> flows.current(flowId))
                .orElseThrow(() -> new IllegalStateException("unknown flow '" + flowId + "'"));
    }
}
