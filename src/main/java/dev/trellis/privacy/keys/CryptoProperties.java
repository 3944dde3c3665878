package dev.trellis.privacy.keys;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption at rest.
 *
 * @param masterKey          {@code TRELLIS_MASTER_KEY}: 32 random bytes in base64 ({@code openssl rand -base64 32});
 *                           required with an external MongoDB. Without it the embedded default keeps one in
 *                           {@code masterKeyFile}
 * @param newMasterKey       {@code TRELLIS_NEW_MASTER_KEY}: the key {@code rotate-master-key} rewraps every data key
 *                           with (generated when the master key lives in the file)
 * @param masterKeyFile      where the embedded default keeps its generated master key
 * @param cacheSize          unwrapped data keys kept in memory (least recently used ones go first)
 * @param cacheTtl           how long an unwrapped data key is used before it is read again: the longest another
 *                           node keeps using a key that an erasure destroyed
 * @param transitKeyLifetime how long the key sealing the text of stored, unprocessed inbox events lives; an event
 *                           still unprocessed after that cannot be read any more
 * @param keyDatabase        the MongoDB database data keys live in: apart from the data, so a dump of the data holds
 *                           no key (back it up separately; a restored key would undo an erasure)
 * @param rotating           set by the {@code rotate-master-key} command: a file-kept master key gets its successor
 */
@ConfigurationProperties("trellis.crypto")
public record CryptoProperties(String masterKey, String newMasterKey, Path masterKeyFile,
                               @DefaultValue("10000") int cacheSize, @DefaultValue("10m") Duration cacheTtl,
                               @DefaultValue("2d") Duration transitKeyLifetime,
                               @DefaultValue("trellis-keys") String keyDatabase, boolean rotating) {

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
