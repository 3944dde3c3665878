package dev.trellis.flow;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every shipped flow speaks English and German: each text a person reads is a message key with an {@code en} and
 * a {@code de} entry of its own (a German speaker never meets an English question that fell back), and each recap
 * label a flow passes to {@code recap.summarise} is such a key too.
 */
class FlowLocalesTest {

    private static final Path FLOWS = Path.of("conversation-flows");
    private static final List<String> LOCALES = List.of("en", "de");
    /** A recap heading or label named as a message key inside a CEL string: {@code 'grow.recap.goal'}. */
    private static final Pattern RECAP_KEY = Pattern.compile("'([a-z][\\w-]*\\.recap\\.[\\w-]+)'");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private final YamlMessageBundle messages = YamlMessageBundle.load(FLOWS.resolve("messages"));

    @TestFactory
    Stream<DynamicTest> everyTextOfEveryFlowHasAnEnglishAndAGermanMessage() throws IOException {
        Map<String, Flow> flows = FlowLengthTest.shippedFlows();
        return flows.values().stream().sorted(Comparator.comparing(Flow::id))
                .map(flow -> DynamicTest.dynamicTest(flow.id(), () -> {
                    List<String> missing = new ArrayList<>();
                    for (Step step : flow.steps()) {
                        for (Text text : texts(step.kind())) {
                            String at = flow.file() + ":" + text.position().line() + " (" + step.id() + ")";
                            if (!text.isMessage()) {
                                if (hasWords(text.template())) missing.add(at + " says literal words: " + text.template());
                                continue;
                            }
                            for (String locale : LOCALES) {
                                if (!messages.keys(locale).contains(text.messageKey())) {
                                    missing.add(at + " has no " + locale + " message '" + text.messageKey() + "'");
                                }
                            }
                        }
                    }
                    Matcher recap = RECAP_KEY.matcher(Files.readString(Path.of(flow.file())));
                    while (recap.find()) {
                        for (String locale : LOCALES) {
                            if (!messages.keys(locale).contains(recap.group(1))) {
                                missing.add(flow.file() + " has no " + locale + " recap message '" + recap.group(1) + "'");
                            }
                        }
                    }
                    assertThat(missing).isEmpty();
                }));
    }

    @Test
    void everyListedFlowHasAGermanTitleAndDescription() throws IOException {
        Set<String> german = messages.keys("de");
        List<String> missing = new ArrayList<>();
        for (Flow flow : FlowLengthTest.shippedFlows().values()) {
            for (String part : List.of("title", "description")) {
                if (!german.contains("flows." + flow.id() + "." + part)) missing.add(flow.id() + "." + part);
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyEnglishMessageHasAGermanOne() {
        Set<String> german = messages.keys("de");
        assertThat(messages.keys("en").stream().filter(key -> !german.contains(key)).sorted().toList()).isEmpty();
    }

    @Test
    void germanMessagesTranslateOnlyKeysThatExistInEnglish() {
        Set<String> english = messages.keys("en");
        assertThat(messages.keys("de").stream()
                .filter(key -> !key.startsWith("flows.") && !english.contains(key)).toList()).isEmpty();
    }

    private static boolean hasWords(String template) {
        return template != null && PLACEHOLDER.matcher(template).replaceAll("").chars().anyMatch(Character::isLetter);
    }

    private static List<Text> texts(StepKind kind) {
        List<Text> texts = new ArrayList<>();
        // set, action, call, schedule, unschedule: nothing a person reads
        if (kind instanceof StepKind.Say say) {
            texts.add(say.text());
        } else if (kind instanceof StepKind.Ask ask) {
            texts.add(ask.text());
            texts.add(ask.validate().message());
        } else if (kind instanceof StepKind.Choice choice) {
            texts.add(choice.text());
            choice.options().forEach(o -> texts.add(o.label()));
        } else if (kind instanceof StepKind.Scale scale) {
            texts.addAll(java.util.Arrays.asList(scale.text(), scale.minLabel(), scale.maxLabel()));
        } else if (kind instanceof StepKind.Confirm confirm) {
            texts.addAll(java.util.Arrays.asList(confirm.text(), confirm.yes(), confirm.no()));
        } else if (kind instanceof StepKind.End end) {
            texts.add(end.text());
        }
        texts.removeIf(t -> t == null);
        return texts;
    }
}
