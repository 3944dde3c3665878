package dev.trellis.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Creates the data folder ({@code TRELLIS_DATA_DIR}, default {@code ./data}) readable by the Trellis user alone
 * (0700 on POSIX systems) before anything opens a file in it: it holds the embedded MongoDB with everything people
 * wrote, and the Quartz job store. Runs as a bean-factory post-processor, so before any bean (the embedded MongoDB
 * server, the Quartz data source) exists. An existing folder is tightened to 0700 too.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectory {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    @Bean
    static BeanFactoryPostProcessor privateDataDirectory(Environment environment) {
        return beanFactory -> {
            String dir = environment.getProperty("trellis.data-dir");
            if (dir != null && !dir.isBlank()) {
                createPrivate(Path.of(dir));
            }
        };
    }

    /** Creates {@code dir} (and missing parents) and makes it owner-only where the file system has POSIX modes. */
    static void createPrivate(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dir, e);
        }
    }
}
