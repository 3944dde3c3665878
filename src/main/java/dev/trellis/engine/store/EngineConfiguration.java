package dev.trellis.engine.store;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.Engine;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.flow.FlowRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the pure engine into the application: its collaborators, the clock, and the rules flows are checked against. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Engine engine() {
        return new Engine();
    }

    /** Actions that exist are the action handler beans; flows naming anything else fail to load. */
    @Bean
    FlowRules flowRules(List<ActionHandler> actionHandlers) {
        return FlowRules.withActions(actionHandlers.stream().map(ActionHandler::name).collect(Collectors.toSet()));
    }

    @Bean
    FreeTextCodec freeTextCodec() {
        return FreeTextCodec.PLAIN;
    }

    @Bean
    TextSealing textSealing(FreeTextCodec freeTextCodec) {
        return new TextSealing(freeTextCodec);
    }
}
