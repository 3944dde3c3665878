package dev.trellis.flow;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The flow catalog and message bundle of the running application. Invalid flow or message files stop the start
 * with every error listed. {@link FlowRules} comes from the engine side (the action handler beans).
 */
@Configuration(proxyBeanMethods = false)
class FlowConfiguration {

    @Bean
    FlowVersionStore flowVersionStore(MongoTemplate mongo) {
        return new MongoFlowVersionStore(mongo);
    }

    @Bean
    YamlFlowCatalog flowCatalog(FlowProperties properties, FlowRules rules, FlowVersionStore versions) {
        return new YamlFlowCatalog(properties.dir(), rules, versions);
    }

    @Bean
    MessageBundle messageBundle(YamlFlowCatalog catalog) {
        return catalog.messages();
    }
}
