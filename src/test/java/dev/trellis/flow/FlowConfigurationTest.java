package dev.trellis.flow;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The application serves the flows of its flow directory, and does not start when any of them is broken. */
class FlowConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(FlowConfiguration.class)
            .withBean(FlowRules.class, () -> FlowRules.withActions(Set.of("goals.recordCheckIn")))
            .withBean(FlowVersionStore.class, FlowVersionStore::inMemory);

    @Test
    void catalogAndMessagesComeFromTheConfiguredDirectory() {
        context.withPropertyValues("trellis.flows.dir=src/test/resources/flows/valid").run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app.getBean(FlowCatalog.class).current("checkin")).isPresent();
            assertThat(app.getBean(MessageBundle.class).has("checkin.pick")).isTrue();
        });
    }

    @Test
    void brokenFlowsStopTheStartListingEveryError() {
        context.withPropertyValues("trellis.flows.dir=src/test/resources/flows/broken").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause().isInstanceOf(FlowException.class)
                    .hasMessageContaining("bad-goto.yaml:7:11: unknown step 'next-stp' in goto")
                    .hasMessageContaining("yaml-syntax.yaml:6:4: YAML syntax error")
                    .hasMessageContaining("no-end.yaml:1:5: flow 'no-end' has no end");
        });
    }

    @Test
    void missingFlowFolderStopsTheStartNamingIt() {
        context.withPropertyValues("trellis.flows.dir=no/such/folder").run(app -> {
            assertThat(app).hasFailed();
            assertThat(app.getStartupFailure()).rootCause().hasMessageContaining("No flow folder at")
                    .hasMessageContaining("no/such/folder").hasMessageContaining("TRELLIS_FLOWS_DIR");
        });
    }
}
