/**
 * Data rights: a person's export of everything stored about them, their erasure everywhere, and the retention
 * sweep. Other features take part through {@link dev.trellis.privacy.ErasureParticipant} and
 * {@link dev.trellis.privacy.ExportParticipant} beans. Depends on {@code engine}, {@code coaching},
 * {@code scheduling} and {@code identity}; never on a channel.
 */
package dev.trellis.privacy;
