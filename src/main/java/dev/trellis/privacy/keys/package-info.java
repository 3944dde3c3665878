/**
 * Encryption at rest: per-person data keys (Tink AEAD) wrapped by a master key, the transit keys of inbox events,
 * the codec every free text goes through, and master key rotation. Exposed for the {@code rotate-master-key}
 * command and for erasure ({@link dev.trellis.privacy.keys.PersonKeys}).
 */
@org.springframework.modulith.NamedInterface("keys")
package dev.trellis.privacy.keys;
