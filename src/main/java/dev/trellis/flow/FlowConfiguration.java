package dev.trellis.flow;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Files;

/**
 * The flow catalog and message bundle of the running application. Invalid flow or message files stop the start
 * with every error listed. {@link FlowRules} comes from the engine side (the action handler beans).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FlowProperties.class)
class FlowConfiguration {

    @Bean
    @ConditionalOnMissingBean
    FlowVersionStore flowVersionStore(MongoTemplate mongo) {
        return new MongoFlowVersionStore(mongo);
    }

    /** A running server without flows would greet people with an empty menu; refuse to start instead. */
    @Bean
    YamlFlowCatalog flowCatalog(FlowProperties properties, FlowRules rules, FlowVersionStore versions) {
        if (!Files.isDirectory(properties.dir())) {
            throw new IllegalStateException("No flow folder at " + properties.dir().toAbsolutePath()
                    + ": run Trellis from the project folder or set TRELLIS_FLOWS_DIR to the folder with the flows");
        }
        return new YamlFlowCatalog(properties.dir(), rules, versions);
    }

    @Bean
    MessageBundle messageBundle(YamlFlowCatalog catalog) {
        return catalog.messages();
    }
}
