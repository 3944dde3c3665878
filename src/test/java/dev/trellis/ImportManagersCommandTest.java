package dev.trellis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.sharing.ManagerLinks;

/**
 * {@code java -jar trellis.jar import-managers file.csv [--dry-run]} against the embedded default's files: a file
 * with a bad line imports nothing and names the line; the corrected file imports; a dry run says what would change
 * and writes nothing; running the import again changes nothing.
 */
class ImportManagersCommandTest {

    @TempDir
    Path dataDir;

    private String[] args(String... more) {
        List<String> args = new ArrayList<>(Arrays.asList(more));
        args.addAll(List.of("--trellis.data-dir=" + dataDir, "--trellis.mongo.embedded=file",
                "--trellis.mongo.file=" + dataDir.resolve("mongo.mv"),
                "--trellis.crypto.master-key-file=" + dataDir.resolve("master.key"), "--trellis.crypto.master-key=",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("quartz")));
        return args.toArray(String[]::new);
    }

    private String run(int expectedExit, String... args) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = new ImportManagersCommand(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args(args));
        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(expectedExit);
        return printed;
    }

    @Test
    void badLinesAreNamedByNumberAndNothingIsImportedUntilTheFileIsRight() throws Exception {
        Path csv = dataDir.resolve("managers.csv");
        Files.writeString(csv, """
                employee,manager
                # the platform team
                slack:T1:UALEX,slack:T1:UMARIA

                slack:T1:USAM,slack:T1:UMARIA
                slack:T1:UPAT
                someone@example.com,slack:T1:UMARIA
                slack:T1:UJO,slack:T1:UJO
                slack:T1:USAM,slack:T1:UBOSS
                """);

        String refused = run(1, csv.toString());

        assertThat(refused).contains("line 6: expected two columns, employee,manager; found 1")
                .contains("line 7: employee: no one is known by this e-mail address")
                .contains("line 8: a person cannot be their own manager")
                .contains("line 9: this employee is already on line 5")
                .contains("4 line(s) wrong; nothing was imported");
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getBean(PersonDirectory.class).find(new PlatformIdentity("slack", "T1", "UALEX")))
                    .as("not even the good lines' people were made").isEmpty();
        }

        Files.writeString(csv, """
                employee,manager
                slack:T1:UALEX,slack:T1:UMARIA
                "slack:T1:USAM", slack:T1:UMARIA
                """);
        String dry = run(0, csv.toString(), "--dry-run");
        assertThat(dry).contains("line 2: slack:T1:UALEX -> slack:T1:UMARIA: would be linked")
                .contains("Dry run, nothing written");

        String first = run(0, csv.toString());
        String second = run(0, csv.toString());

        assertThat(first).contains("line 2: slack:T1:UALEX -> slack:T1:UMARIA: linked").contains("{ADDED=2}");
        assertThat(second).contains("line 3: slack:T1:USAM -> slack:T1:UMARIA: already linked, unchanged")
                .contains("{UNCHANGED=2}");
        try (ConfigurableApplicationContext context = start()) {
            PersonDirectory people = context.getBean(PersonDirectory.class);
            ManagerLinks links = context.getBean(ManagerLinks.class);
            String maria = people.find(new PlatformIdentity("slack", "T1", "UMARIA")).orElseThrow();
            String alex = people.find(new PlatformIdentity("slack", "T1", "UALEX")).orElseThrow();
            assertThat(links.managerOf(alex)).contains(maria);
            assertThat(links.reportsOf(maria)).hasSize(2);
            assertThat(links.history(alex)).hasSize(1);
        }
        assertThat(run(2, dataDir.resolve("missing.csv").toString())).contains("Cannot read");
    }

    private ConfigurableApplicationContext start() {
        SpringApplication application = new SpringApplication(TrellisApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args("--trellis.inbox.processing=false", "--spring.quartz.auto-startup=false"));
    }
}
