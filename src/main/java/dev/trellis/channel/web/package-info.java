/**
 * The web chat: the page at {@code /}, its JSON API under {@code /api/web}, a cookie session per browser and a
 * Server-Sent Events stream for the bot's messages. Turns browser requests into {@code Inbound} events for the
 * inbox and renders {@code Outbound} messages as web-chat JSON. Depends on {@code inbox}, {@code engine} and
 * {@code flow}; nothing depends on it.
 */
package dev.trellis.channel.web;
