/**
 * The Microsoft Teams channel: {@code POST /api/messages} authenticates Bot Framework activities, turns them into
 * {@link dev.trellis.engine.Inbound} events for the inbox, and renders outbound messages as Adaptive Cards sent
 * through the Bot Connector under Teams' rate limits. Off unless {@code MICROSOFT_APP_ID} is set. Depends on
 * {@code inbox}, {@code engine} and the chart images of {@code coaching}.
 */
package dev.trellis.channel.teams;
