package dev.trellis.inbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The inbox's figures on Actuator's {@code /actuator/metrics} (and Prometheus when exported): events waiting,
 * events given up on, how long a turn takes and how long an event waited from acceptance until it was done.
 */
@Component
class InboxMetrics {

    private final AtomicLong depth = new AtomicLong();
    private final Counter failed;
    private final Timer turn;
    private final Timer accepted;

    InboxMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        Gauge.builder("trellis.inbox.depth", depth, AtomicLong::get)
                .description("Inbound events not yet processed (as of the last rescan)").register(meters);
        this.failed = Counter.builder("trellis.inbox.failed")
                .description("Inbound events given up on after every retry").register(meters);
        this.turn = Timer.builder("trellis.turn.latency").description("Time to apply one event to its conversation")
                .publishPercentiles(0.5, 0.99).register(meters);
        this.accepted = Timer.builder("trellis.inbox.latency")
                .description("Time from storing an inbound event until it was processed")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void turn(Duration took, Duration sinceAccepted) {
        turn.record(took);
        accepted.record(sinceAccepted.isNegative() ? Duration.ZERO : sinceAccepted);
    }

    void failed() {
        failed.increment();
    }

    void depth(long events) {
        depth.set(events);
    }
}
