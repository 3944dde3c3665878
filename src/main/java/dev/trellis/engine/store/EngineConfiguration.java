package dev.trellis.engine.store;

import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.Engine;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.PersonContext;
import dev.trellis.engine.Reflector;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.MessageBundle;
import com.mongodb.MongoException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Wires the pure engine into the application: its collaborators, the clock, and the rules flows are checked against. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * The engine with its collaborators. Person data and reflection come from the coaching feature when it provides
     * them; without them the engine knows no person data and quotes answers as they are. A store failure inside a
     * turn (Spring's {@link DataAccessException} family: a timeout, a database that is down, a lost optimistic lock
     * on a coaching record; or the driver's own {@link MongoException}) is not the person's problem: the turn is
     * thrown away and the inbox tries the event again.
     */
    @Bean
    Engine engine(FlowCatalog flows, MessageBundle messages, List<ActionHandler> actions,
                  ObjectProvider<PersonContext> context, ObjectProvider<Reflector> reflector) {
        return new Engine(flows, messages, actions, context.getIfAvailable(() -> PersonContext.NONE),
                reflector.getIfAvailable(() -> Reflector.QUOTE), EngineConfiguration::isInfrastructure);
    }

    static boolean isInfrastructure(Throwable failure) {
        return failure instanceof DataAccessException || failure instanceof MongoException;
    }

    /** Actions that exist are the action handler beans; flows naming anything else fail to load. */
    @Bean
    FlowRules flowRules(List<ActionHandler> actionHandlers) {
        return FlowRules.withActions(actionHandlers.stream().map(ActionHandler::name).collect(Collectors.toSet()));
    }

    /** The codec is the privacy feature's: free text is encrypted with its person's data key. */
    @Bean
    TextSealing textSealing(FreeTextCodec freeTextCodec) {
        return new TextSealing(freeTextCodec);
    }
}
