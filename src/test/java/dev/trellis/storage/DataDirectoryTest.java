package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.trellis.TrellisApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The data folder holds what people wrote: only the user Trellis runs as may open it. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void theDataFolderIsCreatedOwnerOnlyBeforeMongoAndQuartzWriteIntoIt() throws Exception {
        Path data = temp.resolve("fresh").resolve("data");

        try (var node = new SpringApplicationBuilder(TrellisApplication.class).run("--server.port=0",
                "--trellis.data-dir=" + data, "--trellis.mongo.embedded=file",
                "--spring.datasource.url=jdbc:h2:file:" + data.toAbsolutePath() + "/quartz")) {
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.OWNER_ONLY);
            assertThat(data.resolve("mongo.mv")).exists();
            try (var files = Files.list(data)) {
                assertThat(files.map(path -> path.getFileName().toString())).anyMatch(name -> name.startsWith("quartz"));
            }
        }
    }
}
