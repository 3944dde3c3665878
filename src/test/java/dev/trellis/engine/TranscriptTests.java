package dev.trellis.engine;

import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import dev.trellis.flow.FlowLoader;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.Step;
import dev.trellis.flow.YamlMessageBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every transcript in {@code conversation-flows/tests/} against the shipped flows on a fake clock, then
 * reports the steps no transcript visited.
 */
class TranscriptTests {

    private static final Path FLOWS = Path.of("conversation-flows");
    private static final Set<String> VISITED = new ConcurrentSkipListSet<>();
    private static List<Flow> shipped = List.of();

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException {
        shipped = load();
        TranscriptRunner runner = new TranscriptRunner(TranscriptTests::engine, VISITED);
        try (Stream<Path> files = Files.list(FLOWS.resolve("tests"))) {
            List<Path> transcripts = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return transcripts.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                    file.toUri(), () -> runner.run(file)));
        }
    }

    @AfterAll
    static void reportUnvisitedSteps() {
        Set<String> unvisited = new TreeSet<>();
        for (Flow flow : shipped) {
            for (Step step : flow.steps()) {
                if (!VISITED.contains(flow.id() + "/" + step.id())) unvisited.add(flow.id() + "/" + step.id());
            }
        }
        System.out.println(unvisited.isEmpty() ? "Transcripts visited every step of every flow."
                : "Steps no transcript visited (" + unvisited.size() + "):\n  " + String.join("\n  ", unvisited));
        assertThat(unvisited).as("steps of grow no transcript visited")
                .noneMatch(s -> s.startsWith("grow/"));
    }

    private static List<Flow> load() throws IOException {
        YamlMessageBundle messages = YamlMessageBundle.load(FLOWS.resolve("messages"));
        try (Stream<Path> files = Files.list(FLOWS)) {
            List<Path> yaml = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return new FlowLoader(FlowRules.withActions(Set.of()), messages).loadFiles(yaml).orThrow();
        }
    }

    /** A fresh engine, as after a restart: flows and messages read again from disk. */
    private static Engine engine() {
        try {
            List<Flow> flows = load();
            FlowCatalog catalog = new FlowCatalog() {
                public Optional<Flow> current(String id) {
                    return flows.stream().filter(f -> f.id().equals(id)).findFirst();
                }

                public Optional<Flow> version(String id, String version) {
                    return current(id).filter(f -> f.version().equals(version));
                }

                public List<Flow> listed() {
                    return flows.stream().filter(Flow::listed).toList();
                }

                public List<Flow> all() {
                    return flows;
                }
            };
            return new Engine(catalog, YamlMessageBundle.load(FLOWS.resolve("messages")), List.of(),
                    PersonContext.NONE, new dev.trellis.coaching.CoachingReflector());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
