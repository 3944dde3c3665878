package dev.trellis.storage;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB server used when {@code spring.mongodb.uri} is not set.
 *
 * @param embedded {@code file} (H2 file, survives restarts), {@code memory} (tests) or {@code off}
 * @param file     the H2 store file for the {@code file} backend
 * @param database the database name clients use
 */
@ConfigurationProperties("trellis.mongo")
public record EmbeddedMongoProperties(@DefaultValue("file") Backend embedded,
                                      @DefaultValue("./data/mongo.mv") Path file,
                                      @DefaultValue("trellis") String database) {

    public enum Backend { FILE, MEMORY, OFF }
}
