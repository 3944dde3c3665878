/**
 * The conversation engine: applies one event to a conversation's state (a pure function of state, event and
 * clock), and the one model of inbound events and outbound messages every channel uses. Depends on {@code flow}.
 */
package dev.trellis.engine;
