package dev.trellis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

import dev.trellis.engine.FreeTextCodec;
import dev.trellis.privacy.keys.MasterKey;

/**
 * {@code java -jar trellis.jar rotate-master-key}, against the embedded default's files: every data key is rewrapped
 * with a new master key, text written before opens after a restart, and a wrong master key stops start-up.
 */
class RotateMasterKeyCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    /** The embedded default on files in {@code dataDir}, with the key file (not the tests' fixed key). */
    private String[] args(String... more) {
        List<String> args = new ArrayList<>(List.of("--trellis.data-dir=" + dataDir,
                "--trellis.mongo.embedded=file", "--trellis.mongo.file=" + dataDir.resolve("mongo.mv"),
                "--trellis.crypto.master-key-file=" + dataDir.resolve("master.key"),
                "--trellis.inbox.processing=false", "--spring.quartz.auto-startup=false"));
        args.addAll(Arrays.asList(more));
        if (args.stream().noneMatch(arg -> arg.startsWith("--trellis.crypto.master-key="))) {
            args.add("--trellis.crypto.master-key=");
        }
        return args.toArray(String[]::new);
    }

    private ConfigurableApplicationContext start(String... more) {
        SpringApplication application = new SpringApplication(TrellisApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application.run(args(more));
    }

    @Test
    void rotationRewrapsEveryDataKeySoOldTextOpensWithTheNewKeyAndTheOldKeyNoLongerStarts() throws Exception {
        String sealed;
        try (ConfigurableApplicationContext first = start()) {
            sealed = first.getBean(FreeTextCodec.class).seal("person-1", "what I told nobody else");
        }
        String oldKey = Files.readString(dataDir.resolve("master.key")).strip();

        int exit = new RotateMasterKeyCommand(new PrintStream(output, true, StandardCharsets.UTF_8)).run(args());

        assertThat(exit).as(output.toString(StandardCharsets.UTF_8)).isZero();
        String newKey = Files.readString(dataDir.resolve("master.key")).strip();
        assertThat(newKey).isNotEqualTo(oldKey);
        // the person's key, and the inbox's transit keys if they were made before the first run stopped
        assertThat(output.toString(StandardCharsets.UTF_8))
                .containsPattern("Rewrapped [1-3] data key\\(s\\) from master key "
                        + MasterKey.fromBase64("old", oldKey).id() + " to " + MasterKey.fromBase64("new", newKey).id())
                .doesNotContain(newKey).doesNotContain(oldKey);
        try (ConfigurableApplicationContext after = start()) {
            assertThat(after.getBean(FreeTextCodec.class).open("person-1", sealed))
                    .isEqualTo("what I told nobody else");
        }
        assertThatThrownBy(() -> start("--trellis.crypto.master-key=" + oldKey).close())
                .rootCause().hasMessageContaining("The master key (TRELLIS_MASTER_KEY or the key file) is wrong")
                .hasMessageNotContaining(oldKey);
    }
}
