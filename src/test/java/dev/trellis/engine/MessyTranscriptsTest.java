package dev.trellis.engine;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every coaching flow is played by at least three transcripts of messy, real input: how people really type, not
 * how a form expects. A transcript counts when its {@code messy:} list names at least three kinds of
 * {@link MessyInput}; {@link TranscriptTests} holds it to that list (each kind really typed, each messy input
 * followed by what the bot says back, the flow its name starts with really played).
 */
class MessyTranscriptsTest {

    private static final Path FLOWS = Path.of("conversation-flows");
    private static final int TRANSCRIPTS_PER_FLOW = 3;
    private static final int KINDS_PER_TRANSCRIPT = 3;

    /**
     * Flows that do a chore rather than coach: nothing in them asks for reflection, so there is little for messy
     * answers to break beyond what their own transcripts cover (codes, yes-delete, names). export hands over files,
     * privacy and delete-my-data handle consent and erasure, link joins chat accounts, manager names one's manager,
     * reminders lists and pauses timers.
     */
    private static final Set<String> UTILITY_FLOWS = Set.of("export", "privacy", "delete-my-data", "link", "manager",
            "reminders");

    @Test
    void everyCoachingFlowHasThreeMessyTranscripts() throws IOException {
        Set<String> flows = flowIds();
        assertThat(flows).as("utility flows that exist").containsAll(UTILITY_FLOWS);
        Map<String, List<String>> messyByFlow = new TreeMap<>();
        for (String flow : flows) if (!UTILITY_FLOWS.contains(flow)) messyByFlow.put(flow, new java.util.ArrayList<>());
        try (Stream<Path> files = Files.list(FLOWS.resolve("tests"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                String name = file.getFileName().toString();
                if (kindsClaimed(file) < KINDS_PER_TRANSCRIPT) continue;
                // the longest flow id the name starts with: one-on-one-prep-x is one-on-one-prep's
                flows.stream().filter(flow -> name.startsWith(flow + "-")).max(Comparator.comparingInt(String::length))
                        .filter(messyByFlow::containsKey).ifPresent(flow -> messyByFlow.get(flow).add(name));
            }
        }
        Map<String, List<String>> tooFew = new TreeMap<>(messyByFlow);
        tooFew.values().removeIf(list -> list.size() >= TRANSCRIPTS_PER_FLOW);
        assertThat(tooFew).as("coaching flows with fewer than " + TRANSCRIPTS_PER_FLOW + " transcripts whose messy: "
                + "list names " + KINDS_PER_TRANSCRIPT + " kinds or more").isEmpty();
    }

    private static Set<String> flowIds() throws IOException {
        try (Stream<Path> files = Files.list(FLOWS)) {
            Set<String> ids = new TreeSet<>();
            files.filter(p -> p.toString().endsWith(".yaml"))
                    .forEach(p -> ids.add(p.getFileName().toString().replace(".yaml", "")));
            return ids;
        }
    }

    private static int kindsClaimed(Path transcript) throws IOException {
        Object doc = new Yaml().load(Files.readString(transcript));
        if (!(doc instanceof Map<?, ?> map) || !(map.get("messy") instanceof List<?> kinds)) return 0;
        return (int) kinds.stream().map(String::valueOf).filter(k -> MessyInput.named(k) != null).distinct().count();
    }
}
