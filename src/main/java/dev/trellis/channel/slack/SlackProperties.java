package dev.trellis.channel.slack;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings. Slack is off unless {@code botToken} is set; HTTP mode needs {@code signingSecret}, Socket Mode
 * needs {@code appToken}. Bound from {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN}
 * and {@code TRELLIS_SLACK_API_URL} (mapped to {@code slack.api-url} in application.yaml).
 *
 * @param apiUrl          the Web API base; tests point it at a stub
 * @param maxBodyBytes    larger request bodies are refused with 413 before anything is parsed
 * @param clockSkew       how far a request timestamp may be off, in either direction
 * @param peopleCacheTtl  how long {@code users.info} answers are reused before they are fetched again
 * @param messagesPerSecond  the pace of messages into one Slack channel (Slack allows about one a second)
 * @param burst           how many messages may go out back to back before the pace applies (one turn's say + ask)
 * @param workspacePerSecond the pace of the whole workspace (Slack allows "several hundred messages a minute")
 * @param workspaceBurst  how many messages the workspace may get back to back
 * @param bulkShare       the part of the workspace pace a reminder fan-out may use; the rest is kept for replies
 * @param teamId          the workspace Trellis is installed in ({@code SLACK_TEAM_ID}); when empty it is learned from
 *                        {@code auth.test} at start-up. Requests from any other workspace are refused.
 * @param appId           the Slack app id ({@code SLACK_APP_ID}); when set, requests for another app are refused
 */
@ConfigurationProperties("slack")
public record SlackProperties(String botToken, String signingSecret, String appToken,
                              @DefaultValue("https://slack.com/api/") URI apiUrl,
                              @DefaultValue("1048576") int maxBodyBytes,
                              @DefaultValue("5m") Duration clockSkew,
                              @DefaultValue("6h") Duration peopleCacheTtl,
                              @DefaultValue("1.0") double messagesPerSecond,
                              @DefaultValue("3") int burst,
                              @DefaultValue("5.0") double workspacePerSecond,
                              @DefaultValue("10") int workspaceBurst,
                              @DefaultValue("0.8") double bulkShare,
                              String teamId,
                              String appId) {

    public boolean socketMode() {
        return appToken != null && !appToken.isBlank();
    }
}
