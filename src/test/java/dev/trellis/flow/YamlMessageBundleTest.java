package dev.trellis.flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Messages are looked up by dotted key in the person's locale, falling back to English. */
class YamlMessageBundleTest {

    private final YamlMessageBundle bundle = YamlMessageBundle.load(FlowFixtures.VALID.resolve("messages"));

    @Test
    void nestedKeysAreDotted() {
        assertThat(bundle.variants("en", "checkin.pick")).containsExactly("Which goal shall we look at?");
        assertThat(bundle.has("trellis.help")).isTrue();
        assertThat(bundle.has("checkin")).isFalse();
    }

    @Test
    void listValueGivesVariants() {
        assertThat(bundle.variants("en", "checkin.bye")).containsExactly("Another time then.", "Fine, talk soon.");
    }

    @Test
    void regionalLocaleFallsBackToLanguageThenEnglish() {
        assertThat(bundle.variants("de-AT", "checkin.pick")).containsExactly("Welches Ziel schauen wir an?");
        assertThat(bundle.variants("de_AT", "checkin.pick")).containsExactly("Welches Ziel schauen wir an?");
        assertThat(bundle.variants("de-AT", "checkin.bye")).containsExactly("Another time then.", "Fine, talk soon.");
        assertThat(bundle.variants("fr", "checkin.pick")).containsExactly("Which goal shall we look at?");
        assertThat(bundle.variants("en", "nope")).isEmpty();
    }

    @Test
    void brokenMessageFileReportsEveryProblemWithItsPosition(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("en.yaml"), "a:\n  b: \"x\"\n  c: []\n  b: \"again\"\n");
        Files.writeString(dir.resolve("de.yaml"), "a: [\n");
        List<FlowError> errors = new ArrayList<>();

        YamlMessageBundle loaded = YamlMessageBundle.load(dir, errors);

        assertThat(errors).extracting(FlowError::toString).containsExactlyInAnyOrder(
                dir.resolve("en.yaml") + ":3:6: message 'a.c' has no text",
                dir.resolve("en.yaml") + ":4:3: duplicate message key 'a.b'",
                dir.resolve("de.yaml") + ":2:1: YAML syntax error: expected the node content, but found '<stream end>' (while parsing a flow node)");
        assertThat(loaded.variants("en", "a.b")).containsExactly("x");
        assertThatThrownBy(() -> YamlMessageBundle.load(dir)).isInstanceOf(FlowException.class);
    }

    @Test
    void missingDirectoryMeansNoMessages(@TempDir Path dir) {
        assertThat(YamlMessageBundle.load(dir.resolve("messages")).keys()).isEmpty();
    }
}
