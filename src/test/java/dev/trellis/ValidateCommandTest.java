package dev.trellis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar trellis.jar validate [path...]}: errors as file:line:col lines and exit 1, or OK and exit 0. */
class ValidateCommandTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void brokenGotoIsPrintedAsFileLineColumnAndExitsWithOne() {
        int exit = new ValidateCommand(out).run(List.of("src/test/resources/flows/broken/bad-goto.yaml"));

        assertThat(exit).isEqualTo(1);
        assertThat(printed().lines()).contains(
                "src/test/resources/flows/broken/bad-goto.yaml:7:11: unknown step 'next-stp' in goto (did you mean 'next-step'?)");
    }

    @Test
    void validDirectoryPrintsASummaryAndExitsWithZero() {
        int exit = new ValidateCommand(out, Set.of("goals.recordCheckIn"))
                .run(List.of("src/test/resources/flows/valid"));

        assertThat(printed()).isEqualTo("OK: 2 flow file(s) valid" + System.lineSeparator());
        assertThat(exit).isZero();
    }

    @Test
    void actionsAreTheActionNameClassesOnTheClasspath() {
        int exit = new ValidateCommand(out).run(List.of("src/test/resources/flows/broken/unknown-action.yaml"));

        assertThat(exit).isEqualTo(1);
        assertThat(printed().lines()).containsExactly(
                "src/test/resources/flows/broken/unknown-action.yaml:5:13: unknown action 'goals.creat' (did you mean 'goals.create'?)");
        assertThat(ValidateCommand.scanActionNames()).contains("goals.create", "goals.recordCheckIn");
    }

    @Test
    void missingPathIsReported() {
        int exit = new ValidateCommand(out).run(List.of("no/such/dir"));

        assertThat(exit).isEqualTo(1);
        assertThat(printed().lines()).containsExactly("no/such/dir:1:1: no such file or directory");
    }

    @Test
    void fileThatIsNotUtf8IsReportedNotThrown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path latin1 = dir.resolve("latin.yaml");
        java.nio.file.Files.write(latin1, new byte[]{'i', 'd', ':', ' ', (byte) 0xE9, '\n'});

        int exit = new ValidateCommand(out, Set.of()).run(List.of(latin1.toString()));

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains(latin1 + ":1:1: cannot read the file as UTF-8 text");
    }
}
