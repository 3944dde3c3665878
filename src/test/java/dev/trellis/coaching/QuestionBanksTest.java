package dev.trellis.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.trellis.flow.YamlMessageBundle;

/** Every question bank a shipped flow draws from exists in English with enough questions to rotate. */
class QuestionBanksTest {

    private static final Path FLOWS = Path.of("conversation-flows");
    private static final Pattern TOPIC = Pattern.compile("questions\\.next\\s*\\n\\s*with:\\s*\\{\\s*topic:\\s*\"'([a-zA-Z]+)'\"");

    @Test
    void everyTopicAFlowAsksForHasABankOfAtLeastThreeQuestions() throws IOException {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.list(FLOWS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Matcher m = TOPIC.matcher(Files.readString(file));
                while (m.find()) {
                    topics.add(m.group(1));
                }
            }
        }
        YamlMessageBundle messages = YamlMessageBundle.load(FLOWS.resolve("messages"));

        assertThat(topics).contains("checkin", "career", "manager", "peer", "oneOnOne");
        assertThat(topics).allSatisfy(topic -> assertThat(messages.variants("en", "questions." + topic))
                .as("questions.%s", topic).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates()
                .allSatisfy(question -> assertThat(question).endsWith("?")));
    }
}
