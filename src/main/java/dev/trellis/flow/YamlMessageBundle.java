package dev.trellis.flow;

import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Messages from {@code <dir>/<locale>.yaml}: nested maps flattened to dotted keys, each value a text or a list of
 * variants. Lookup falls back from {@code de-AT} to {@code de} to {@code en}.
 */
public final class YamlMessageBundle implements MessageBundle {

    private final Map<String, Map<String, List<String>>> byLocale;

    /** Messages per locale ({@code en}, {@code de-AT}, ...) per dotted key. */
    public YamlMessageBundle(Map<String, Map<String, List<String>>> byLocale) {
        Map<String, Map<String, List<String>>> copy = new LinkedHashMap<>();
        byLocale.forEach((locale, messages) -> copy.put(normalise(locale), Map.copyOf(messages)));
        this.byLocale = Map.copyOf(copy);
    }

    /** No messages at all. */
    public static YamlMessageBundle empty() {
        return new YamlMessageBundle(Map.of());
    }

    /**
     * Loads every {@code <locale>.yaml} in {@code dir} and every {@code <locale>/*.yaml} below it (one file per
     * flow keeps a flow's texts and their translations side by side); a missing dir means no messages. A key
     * given twice for one locale, in one file or across files, is an error. Problems go to {@code errors} as
     * {@code file:line:col} and the rest still loads.
     */
    public static YamlMessageBundle load(Path dir, List<FlowError> errors) {
        Map<String, Map<String, List<String>>> byLocale = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) return new YamlMessageBundle(byLocale);
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    try (Stream<Path> files = Files.list(entry)) {
                        for (Path file : files.filter(YamlMessageBundle::isYaml).sorted().toList()) {
                            read(file, byLocale.computeIfAbsent(name, l -> new LinkedHashMap<>()), errors);
                        }
                    }
                } else if (isYaml(entry)) {
                    read(entry, byLocale.computeIfAbsent(name.replaceFirst("\\.yaml$", ""),
                            l -> new LinkedHashMap<>()), errors);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new YamlMessageBundle(byLocale);
    }

    private static boolean isYaml(Path file) {
        return Files.isRegularFile(file) && file.toString().endsWith(".yaml");
    }

    private static void read(Path file, Map<String, List<String>> messages, List<FlowError> errors)
            throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        YamlDocument.parse(file.toString(), text, errors).ifPresent(doc -> {
            if (!YamlDocument.isMapping(doc.root())) {
                errors.add(new FlowError(doc.at(doc.root()), "a message file holds a map of keys to texts"));
            }
            flatten(doc, "", doc.root(), messages, errors);
        });
    }

    /** Loads {@code dir}; fails with every problem. */
    public static YamlMessageBundle load(Path dir) {
        List<FlowError> errors = new ArrayList<>();
        YamlMessageBundle bundle = load(dir, errors);
        if (!errors.isEmpty()) throw new FlowException(errors);
        return bundle;
    }

    private static void flatten(YamlDocument doc, String prefix, Node node, Map<String, List<String>> out,
                                List<FlowError> errors) {
        for (NodeTuple t : YamlDocument.entries(node)) {
            String key = prefix + YamlDocument.text(t.getKeyNode());
            Node value = t.getValueNode();
            if (YamlDocument.isMapping(value)) {
                flatten(doc, key + ".", value, out, errors);
            } else if (YamlDocument.isScalar(value)) {
                put(doc, t, key, List.of(YamlDocument.text(value)), out, errors);
            } else if (YamlDocument.isSequence(value)) {
                List<String> variants = new ArrayList<>();
                for (Node item : YamlDocument.items(value)) {
                    if (YamlDocument.isScalar(item)) variants.add(YamlDocument.text(item));
                    else errors.add(new FlowError(doc.at(item), "message '" + key + "' variants must be texts"));
                }
                if (variants.isEmpty()) errors.add(new FlowError(doc.at(value), "message '" + key + "' has no text"));
                else put(doc, t, key, variants, out, errors);
            } else {
                errors.add(new FlowError(doc.at(value), "message '" + key + "' has no text"));
            }
        }
    }

    private static void put(YamlDocument doc, NodeTuple t, String key, List<String> variants,
                            Map<String, List<String>> out, List<FlowError> errors) {
        if (out.putIfAbsent(key, List.copyOf(variants)) != null) {
            errors.add(new FlowError(doc.at(t.getKeyNode()), "duplicate message key '" + key + "'"));
        }
    }

    @Override
    public List<String> variants(String locale, String key) {
        for (String candidate : fallbacks(locale)) {
            List<String> variants = byLocale.getOrDefault(candidate, Map.of()).get(key);
            if (variants != null) return variants;
        }
        return List.of();
    }

    /** The keys of the {@code en} messages. */
    public Set<String> keys() {
        return keys("en");
    }

    /** The keys a locale's own files give, without falling back: what a translation still lacks shows here. */
    public Set<String> keys(String locale) {
        return byLocale.getOrDefault(normalise(locale), Map.of()).keySet();
    }

    private static List<String> fallbacks(String locale) {
        List<String> chain = new ArrayList<>();
        String current = locale == null ? "en" : normalise(locale);
        while (!current.isEmpty()) {
            chain.add(current);
            int dash = current.lastIndexOf('-');
            current = dash < 0 ? "" : current.substring(0, dash);
        }
        if (!chain.contains("en")) chain.add("en");
        return chain;
    }

    private static String normalise(String locale) {
        return locale.replace('_', '-');
    }
}
