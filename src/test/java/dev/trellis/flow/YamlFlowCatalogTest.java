package dev.trellis.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog serves current flows and the older versions conversations started on. */
class YamlFlowCatalogTest {

    private static final String HELLO = "id: hello\ntitle: Hello\nsteps:\n  - id: hi\n    end: \"Hi {{person.name}}\"\n";

    @Test
    void emptyOrMissingDirectoryGivesAnEmptyCatalog(@TempDir Path dir) {
        YamlFlowCatalog catalog = new YamlFlowCatalog(dir.resolve("nothing"), FlowFixtures.RULES, FlowVersionStore.inMemory());
        assertThat(catalog.all()).isEmpty();
        assertThat(catalog.current("grow")).isEmpty();
    }

    @Test
    void loadsFlowsAndListsOnlyListedOnes() throws Exception {
        Path dir = copyValidFlows();
        YamlFlowCatalog catalog = new YamlFlowCatalog(dir, FlowFixtures.RULES, FlowVersionStore.inMemory());

        assertThat(catalog.all()).extracting(Flow::id).containsExactly("checkin", "smart-goal");
        assertThat(catalog.listed()).extracting(Flow::id).containsExactly("checkin");
        assertThat(catalog.messages().has("checkin.pick")).isTrue();
    }

    @Test
    void refusesToLoadWithEveryErrorOfEveryFile(@TempDir Path dir) throws Exception {
        Files.copy(FlowFixtures.BROKEN.resolve("no-end.yaml"), dir.resolve("no-end.yaml"));
        Files.copy(FlowFixtures.BROKEN.resolve("unknown-property.yaml"), dir.resolve("unknown-property.yaml"));
        Files.createDirectories(dir.resolve("messages"));
        Files.writeString(dir.resolve("messages/en.yaml"), "a: [\n");

        assertThatThrownBy(() -> new YamlFlowCatalog(dir, FlowFixtures.RULES, FlowVersionStore.inMemory()))
                .isInstanceOf(FlowException.class)
                .hasMessageContaining(dir.resolve("no-end.yaml") + ":1:5: flow 'no-end' has no end")
                .hasMessageContaining(dir.resolve("unknown-property.yaml") + ":7:5: unknown property 'nxt' in step 'goal'")
                .hasMessageContaining(dir.resolve("messages/en.yaml") + ":2:1: YAML syntax error");
    }

    @Test
    void olderVersionIsRebuiltFromTheStoreAfterTheFileChanged(@TempDir Path dir) throws Exception {
        FlowVersionStore store = FlowVersionStore.inMemory();
        Files.writeString(dir.resolve("hello.yaml"), HELLO);
        Flow first = new YamlFlowCatalog(dir, FlowFixtures.RULES, store).current("hello").orElseThrow();

        Files.writeString(dir.resolve("hello.yaml"), HELLO.replace("Hi ", "Hello again "));
        YamlFlowCatalog restarted = new YamlFlowCatalog(dir, FlowFixtures.RULES, store);

        Flow now = restarted.current("hello").orElseThrow();
        assertThat(now.version()).isNotEqualTo(first.version());
        Flow old = restarted.version("hello", first.version()).orElseThrow();
        assertThat(((StepKind.End) old.steps().get(0).kind()).text().template()).isEqualTo("Hi {{person.name}}");
        assertThat(restarted.version("hello", now.version())).containsSame(now);
        assertThat(restarted.version("hello", "unknown")).isEmpty();
    }

    private static Path copyValidFlows() throws Exception {
        Path dir = Files.createTempDirectory("flows");
        Files.createDirectories(dir.resolve("messages"));
        for (Path file : FlowFixtures.yamlFiles(FlowFixtures.VALID)) Files.copy(file, dir.resolve(file.getFileName()));
        for (Path file : FlowFixtures.yamlFiles(FlowFixtures.VALID.resolve("messages"))) {
            Files.copy(file, dir.resolve("messages").resolve(file.getFileName()));
        }
        return dir;
    }
}
