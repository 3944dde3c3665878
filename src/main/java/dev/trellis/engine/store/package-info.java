/**
 * The engine's storage and wiring: conversation documents in MongoDB, the {@code Conversations} service that runs a
 * turn (read, apply, write, deliver) and the outbox that delivers and re-delivers pending messages.
 */
package dev.trellis.engine.store;
