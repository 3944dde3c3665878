package dev.trellis.engine;

import dev.trellis.coaching.internal.TranscriptPeople;
import dev.trellis.identity.TranscriptLinkCodes;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.MessageBundle;
import dev.trellis.flow.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import dev.trellis.testing.MutableClock;
import dev.trellis.scheduling.Reminders;
import java.time.Instant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every transcript in {@code conversation-flows/tests/} against the shipped flows, with the application's
 * real action handlers and person data (in the in-memory MongoDB wire-protocol server), on a fake clock; then
 * reports the steps no transcript visited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        // the job store keeps the timers transcripts set (so /coach reminders lists them) but fires none: the runner
        // fires them on the transcript's own clock
        properties = "spring.quartz.auto-startup=false")
@Import({TranscriptPeople.class, TranscriptLinkCodes.class, TranscriptTests.TranscriptClock.class})
class TranscriptTests {

    /** The application's clock follows the transcript's: reminders are set and listed in transcript time. */
    @TestConfiguration(proxyBeanMethods = false)
    static class TranscriptClock {
        @Bean
        @Primary
        MutableClock transcriptClock() {
            return new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
        }
    }

    private static final Path TRANSCRIPTS = Path.of("conversation-flows", "tests");
    private static final Set<String> VISITED = new ConcurrentSkipListSet<>();
    private static List<Flow> shipped = List.of();

    @Autowired
    FlowCatalog flows;
    @Autowired
    MessageBundle messages;
    @Autowired
    List<ActionHandler> actions;
    @Autowired
    PersonContext context;
    @Autowired
    Reflector reflector;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MutableClock clock;
    @Autowired
    Reminders reminders;

    private static final String ONLY = System.getProperty("transcripts");

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        shipped = flows.all();
        // "restart" builds a new engine: nothing carries over but the conversation state the runner kept.
        TranscriptRunner runner = new TranscriptRunner(
                () -> new Engine(flows, messages, actions, context, reflector), VISITED, events::publishEvent,
                clock::set, (person, name) -> reminders.list(person).stream()
                        .anyMatch(r -> r.name().equals(name) && !r.paused()));
        try (Stream<Path> files = Files.list(TRANSCRIPTS)) {
            // -Dtranscripts=-de. runs only the transcripts whose name contains it, while writing them
            List<Path> transcripts = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> ONLY == null || java.util.Arrays.stream(ONLY.split(",")).anyMatch(p.getFileName().toString()::contains)).sorted().toList();
            return transcripts.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                    file.toUri(), () -> runner.run(file)));
        }
    }

    @AfterAll
    static void reportUnvisitedSteps() {
        if (ONLY != null) return;
        Set<String> unvisited = new TreeSet<>();
        for (Flow flow : shipped) {
            for (Step step : flow.steps()) {
                if (!VISITED.contains(flow.id() + "/" + step.id())) unvisited.add(flow.id() + "/" + step.id());
            }
        }
        System.out.println(unvisited.isEmpty() ? "Transcripts visited every step of every flow."
                : "Steps no transcript visited (" + unvisited.size() + "):\n  " + String.join("\n  ", unvisited));
        assertThat(unvisited).as("steps of shipped flows no transcript visited").isEmpty();
    }
}
