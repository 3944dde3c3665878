package dev.trellis.privacy.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * {@code rotate-master-key}: rewraps every data key (people's and transit keys) with the new master key. The data
 * keys themselves do not change, so no stored text is touched. Safe to run again after a crash: keys already under
 * the new master key are skipped. For a key file (the embedded default) the new key replaces the old file once every
 * data key is rewrapped; with {@code TRELLIS_MASTER_KEY}, the operator then sets it to the new value.
 */
public final class MasterKeyRotation {

    /** What a rotation did: how many data keys were rewrapped, and the new key's fingerprint. */
    public record Result(int rewrapped, String oldKeyId, String newKeyId, Path keyFile) {
    }

    private final DataKeys keys;
    private final MasterKeys master;

    MasterKeyRotation(DataKeys keys, MasterKeys master) {
        this.keys = keys;
        this.master = master;
    }

    public Result rotate() {
        MasterKey next = master.next();
        if (next == null) {
            throw new IllegalStateException("No new master key: set TRELLIS_NEW_MASTER_KEY "
                    + "(openssl rand -base64 32) and run rotate-master-key again");
        }
        int rewrapped = keys.rewrap(master.current(), next);
        Path file = master.file();
        if (file != null) {
            try {
                Files.move(MasterKeys.nextFile(file), file, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Data keys are rewrapped, but the new master key could not replace "
                        + file + "; it is in " + MasterKeys.nextFile(file), e);
            }
        }
        return new Result(rewrapped, master.current().id(), next.id(), file);
    }
}
