package dev.trellis.flow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/** Where the flow files are: {@code trellis.flows.dir} (default {@code conversation-flows}), messages in its {@code messages/}. */
@ConfigurationProperties(prefix = "trellis.flows")
public record FlowProperties(@DefaultValue("conversation-flows") Path dir) {
}
