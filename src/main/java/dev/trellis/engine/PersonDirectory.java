package dev.trellis.engine;

import java.util.Optional;

/**
 * The Trellis person behind a platform identity. A person id is opaque (not a platform id); coaching data (goals,
 * check-ins, wheels, plans, 1:1s, notes, profiles), a conversation's owner and encryption keys belong to it. Each
 * platform identity links to exactly one person; one person may have several identities (Slack, Teams, web) once
 * they linked them.
 *
 * <p>Implemented outside the engine core (over MongoDB, in {@code dev.trellis.identity}); the engine's shell resolves
 * the person when it processes an event, never on a platform's acknowledgement path.
 */
public interface PersonDirectory {

    /**
     * The person {@code identity} belongs to; on first sight a new person is created and linked. Atomic: two nodes
     * resolving the same new identity at once get the same person id. Throws when the store cannot be reached.
     */
    String resolve(PlatformIdentity identity);

    /** The person {@code identity} belongs to, without creating one; empty when Trellis never saw the identity. */
    Optional<String> find(PlatformIdentity identity);
}
