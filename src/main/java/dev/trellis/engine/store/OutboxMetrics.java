package dev.trellis.engine.store;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The outbox's figures on Actuator: messages given up on, and how long a message took from turn to platform. */
@Component
class OutboxMetrics {

    private final Counter failed;
    private final Timer latency;

    OutboxMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.failed = Counter.builder("trellis.outbox.failed")
                .description("Outbound messages marked failed (platform refused them, or retries ran out of time)")
                .register(meters);
        this.latency = Timer.builder("trellis.outbox.latency")
                .description("Time from the turn that produced a message until the platform accepted it")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void failed() {
        failed.increment();
    }

    void delivered(Duration sinceProduced) {
        latency.record(sinceProduced.isNegative() ? Duration.ZERO : sinceProduced);
    }
}
