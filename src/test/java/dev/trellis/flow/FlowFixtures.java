package dev.trellis.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Test flow files under src/test/resources/flows, loaded the way the application loads them. */
final class FlowFixtures {

    static final Path VALID = Path.of("src/test/resources/flows/valid");
    static final Path BROKEN = Path.of("src/test/resources/flows/broken");
    static final FlowRules RULES = FlowRules.withActions(Set.of("goals.create", "goals.recordCheckIn"));

    private FlowFixtures() {
    }

    static MessageBundle messages() {
        return YamlMessageBundle.load(VALID.resolve("messages"));
    }

    static FlowLoader loader() {
        return new FlowLoader(RULES, messages());
    }

    static FlowLoader.Result loadValid() {
        return load(yamlFiles(VALID));
    }

    static FlowLoader.Result loadBroken(String name) {
        return load(List.of(BROKEN.resolve(name)));
    }

    static List<String> errorLines(FlowLoader.Result result) {
        return result.errors().stream().map(FlowError::toString).toList();
    }

    static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FlowLoader.Result load(List<Path> files) {
        try {
            return loader().loadFiles(files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
