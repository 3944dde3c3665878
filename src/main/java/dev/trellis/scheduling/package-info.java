/**
 * Reminders: Quartz (JDBC job store, clustered) turns a moment in a person's time into a timer event in the inbox.
 * A job carries only ids (person, channel, flow, record ids), never text a person wrote; its jobs are grouped per
 * person so erasure removes them with {@link dev.trellis.scheduling.Reminders#cancelAll}. Depends on {@code inbox}
 * and {@code engine}.
 */
package dev.trellis.scheduling;
