package dev.trellis;

import dev.trellis.engine.ActionName;
import dev.trellis.flow.FlowError;
import dev.trellis.flow.FlowLoader;
import dev.trellis.flow.FlowRules;
import dev.trellis.flow.Position;
import dev.trellis.flow.YamlMessageBundle;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * {@code validate [path...]}: checks flow files (or every {@code *.yaml} in a directory, default
 * {@code conversation-flows}) without starting the application. Prints one {@code file:line:col: message} line per
 * error and returns 1, or a one-line summary and 0. Actions are the {@code @ActionName} classes on the classpath.
 */
public final class ValidateCommand {

    static final String DEFAULT_DIR = "conversation-flows";

    private final PrintStream out;
    private final Set<String> actions;

    public ValidateCommand(PrintStream out) {
        this(out, scanActionNames());
    }

    ValidateCommand(PrintStream out, Set<String> actions) {
        this.out = out;
        this.actions = actions;
    }

    /** Validates the paths (files or directories); returns the process exit code. */
    public int run(List<String> paths) {
        List<String> targets = paths.isEmpty() ? List.of(DEFAULT_DIR) : paths;
        FlowRules rules = FlowRules.withActions(actions);
        List<FlowError> errors = new ArrayList<>();
        int files = 0;
        for (Map.Entry<Path, List<Path>> dir : byDirectory(targets, errors).entrySet()) {
            YamlMessageBundle messages = YamlMessageBundle.load(dir.getKey().resolve("messages"), errors);
            List<FlowLoader.Source> sources = new ArrayList<>();
            for (Path file : dir.getValue()) {
                try {
                    sources.add(new FlowLoader.Source(file.toString(), read(file)));
                } catch (IOException e) {
                    errors.add(new FlowError(Position.unknown(file.toString()),
                            "cannot read the file as UTF-8 text (" + e.getClass().getSimpleName() + ")"));
                }
            }
            files += sources.size();
            FlowLoader.Result result = new FlowLoader(rules, messages).load(sources, siblingIds(dir.getKey()));
            errors.addAll(result.errors());
        }
        if (!errors.isEmpty()) {
            errors.stream().sorted().forEach(out::println);
            return 1;
        }
        out.println("OK: " + files + " flow file(s) valid");
        return 0;
    }

    /** The flow files to check, grouped by directory (messages and sub-flows resolve per directory). */
    private static Map<Path, List<Path>> byDirectory(List<String> targets, List<FlowError> errors) {
        Map<Path, List<Path>> groups = new LinkedHashMap<>();
        for (String target : targets) {
            Path path = Path.of(target).normalize();
            if (Files.isDirectory(path)) {
                groups.computeIfAbsent(path, d -> new ArrayList<>()).addAll(yamlFiles(path));
            } else if (Files.isRegularFile(path)) {
                Path parent = path.getParent() == null ? Path.of(".") : path.getParent();
                groups.computeIfAbsent(parent, d -> new ArrayList<>()).add(path);
            } else {
                errors.add(new FlowError(Position.unknown(target), "no such file or directory"));
            }
        }
        return groups;
    }

    private static Set<String> siblingIds(Path dir) {
        Set<String> ids = new LinkedHashSet<>();
        yamlFiles(dir).forEach(f -> ids.add(f.getFileName().toString().replaceFirst("\\.yaml$", "")));
        return ids;
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f))
                    .map(Path::normalize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    /** The names of the {@code @ActionName} classes under {@code dev.trellis}, found without starting Spring. */
    static Set<String> scanActionNames() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ActionName.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("dev.trellis")) {
            if (candidate instanceof AnnotatedBeanDefinition annotated) {
                Map<String, Object> attributes = annotated.getMetadata().getAnnotationAttributes(ActionName.class.getName());
                if (attributes != null) names.add(String.valueOf(attributes.get("value")));
            }
        }
        return names;
    }
}
