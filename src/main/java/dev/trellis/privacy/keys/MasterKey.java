package dev.trellis.privacy.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;

/**
 * The key that wraps (encrypts) every data key: 256 random bits, given as base64 ({@code TRELLIS_MASTER_KEY}) or
 * kept in a file for the embedded default. Its {@link #id()} is a fingerprint stored next to each wrapped key, so a
 * wrong master key is recognised at start-up instead of failing on the first read (or worse, wrapping new keys
 * under a key nobody keeps). The fingerprint reveals nothing about the key: it is a SHA-256 of it.
 */
public final class MasterKey {

    private static final int BYTES = 32;

    private final byte[] bytes;
    private final Aead aead;
    private final String id;

    private MasterKey(byte[] bytes) {
        this.bytes = bytes.clone();
        try {
            AeadConfig.register();
            AesGcmParameters parameters = AesGcmParameters.builder().setKeySizeBytes(BYTES).setIvSizeBytes(12)
                    .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build();
            AesGcmKey key = AesGcmKey.builder().setParameters(parameters)
                    .setKeyBytes(SecretBytes.copyFrom(bytes, InsecureSecretKeyAccess.get())).build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary()).build();
            this.aead = handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("trellis-master-key-id:".getBytes(StandardCharsets.UTF_8));
            this.id = HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The master key cannot be used: " + e.getMessage(), e);
        }
    }

    /** A key from its base64 form; a clear message (never the value) when it is not 32 bytes of base64. */
    public static MasterKey fromBase64(String source, String encoded) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64. Create a master key with: openssl rand -base64 32");
        }
        if (decoded.length != BYTES) {
            throw new IllegalStateException(source + " must be " + BYTES + " bytes in base64 (it has " + decoded.length
                    + "). Create one with: openssl rand -base64 32");
        }
        return new MasterKey(decoded);
    }

    public static MasterKey generate() {
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        return new MasterKey(random);
    }

    /** The form {@link #fromBase64} reads; for writing the key file and for tests only. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** A fingerprint of the key, safe to store and log. */
    public String id() {
        return id;
    }

    Aead aead() {
        return aead;
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
