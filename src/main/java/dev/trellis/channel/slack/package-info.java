/**
 * The Slack channel: Bolt for Java over HTTP ({@code POST /slack/events}) or Socket Mode turns Slack payloads into
 * {@link dev.trellis.engine.Inbound} events for the inbox, and renders outbound messages as Block Kit through a paced
 * sender per workspace. Off unless {@code SLACK_BOT_TOKEN} is set. Depends on {@code inbox}, {@code engine}, {@code flow}
 * and the chart images of {@code coaching}.
 */
package dev.trellis.channel.slack;
