package dev.trellis.privacy.keys;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Finds the master key at start-up, and refuses to start rather than write text no key could read later:
 * <ul>
 *     <li>{@code TRELLIS_MASTER_KEY} when set (required with an external MongoDB: every node needs the same key);</li>
 *     <li>otherwise, for the embedded default, the key file in {@code TRELLIS_DATA_DIR}, generated (with a warning)
 *     only while no data key exists;</li>
 *     <li>every stored data key must be wrapped by that key (or by the new key of a rotation under way).</li>
 * </ul>
 */
final class MasterKeySource {

    private static final Logger log = LoggerFactory.getLogger(MasterKeySource.class);
    private static final String CREATE = "Create one with: openssl rand -base64 32";

    private MasterKeySource() {
    }

    static MasterKeys resolve(CryptoProperties properties, MongoTemplate mongo, boolean externalMongo) {
        long stored = mongo.count(new Query(), DataKeys.COLLECTION);
        MasterKeys keys = CryptoProperties.present(properties.masterKey())
                ? fromEnvironment(properties)
                : fromFile(properties, stored, externalMongo);
        check(keys, mongo);
        return keys;
    }

    private static MasterKeys fromEnvironment(CryptoProperties properties) {
        MasterKey current = MasterKey.fromBase64("TRELLIS_MASTER_KEY", properties.masterKey());
        MasterKey next = CryptoProperties.present(properties.newMasterKey())
                ? MasterKey.fromBase64("TRELLIS_NEW_MASTER_KEY", properties.newMasterKey()) : null;
        return new MasterKeys(current, next, null);
    }

    private static MasterKeys fromFile(CryptoProperties properties, long stored, boolean externalMongo) {
        if (externalMongo) {
            throw new IllegalStateException("TRELLIS_MASTER_KEY is required with an external MongoDB (every Trellis "
                    + "node must wrap data keys with the same master key). " + CREATE);
        }
        Path file = properties.masterKeyFile().toAbsolutePath();
        MasterKey current;
        if (Files.exists(file)) {
            current = MasterKey.fromBase64("The master key file " + file, read(file));
        } else if (stored > 0) {
            throw new IllegalStateException(stored + " data key(s) exist but there is no master key: set "
                    + "TRELLIS_MASTER_KEY, or restore " + file + ". Trellis does not start without the key its data "
                    + "was encrypted with.");
        } else {
            current = MasterKey.generate();
            write(file, current);
            log.warn("Generated a new master key in {}: whoever holds this file and the data can read what people "
                    + "wrote. For production set TRELLIS_MASTER_KEY (and keep it out of the data's backups).", file);
        }
        Path nextFile = MasterKeys.nextFile(file);
        MasterKey next = null;
        if (CryptoProperties.present(properties.newMasterKey())) {
            next = MasterKey.fromBase64("TRELLIS_NEW_MASTER_KEY", properties.newMasterKey());
            if (properties.rotating()) {
                write(nextFile, next); // the rotation replaces the key file with it
            }
        } else if (Files.exists(nextFile)) {
            next = MasterKey.fromBase64("The new master key file " + nextFile, read(nextFile));
        } else if (properties.rotating()) {
            // written before any data key is rewrapped with it: a rotation cut short is finished by running it again
            next = MasterKey.generate();
            write(nextFile, next);
        }
        return new MasterKeys(current, next, file);
    }

    /** Every stored data key must open with a key we have; one that does not means the configured key is wrong. */
    private static void check(MasterKeys keys, MongoTemplate mongo) {
        List<String> known = keys.next() == null ? List.of(keys.current().id())
                : List.of(keys.current().id(), keys.next().id());
        Query foreign = query(where(DataKeys.MASTER_KEY_ID).exists(true).nin(known));
        long count = mongo.count(foreign, DataKeys.COLLECTION);
        if (count > 0) {
            Document one = mongo.findOne(foreign, Document.class, DataKeys.COLLECTION);
            throw new IllegalStateException(count + " data key(s) are wrapped by master key "
                    + one.getString(DataKeys.MASTER_KEY_ID) + ", but the configured master key is "
                    + keys.current().id() + ". The master key (TRELLIS_MASTER_KEY or the key file) is wrong; "
                    + "Trellis does not start rather than write text that key could not read again.");
        }
    }

    static void write(Path file, MasterKey key) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, key.toBase64() + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the master key file " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the master key file " + file, e);
        }
    }
}
