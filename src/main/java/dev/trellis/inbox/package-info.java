/**
 * The inbox: every inbound event is stored (unique on channel + event id) before the platform is acknowledged,
 * then processed by workers with per-conversation ordering. Depends on {@code engine}.
 */
package dev.trellis.inbox;
