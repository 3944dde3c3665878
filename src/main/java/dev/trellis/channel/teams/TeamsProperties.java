package dev.trellis.channel.teams;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Microsoft Teams settings. Teams is off unless {@code appId} is set ({@code MICROSOFT_APP_ID}); the bot is single
 * tenant: {@code tenantId} ({@code MICROSOFT_APP_TENANT_ID}) is where outbound tokens come from, and activities from
 * any other tenant are refused. Mapped from the environment in application.yaml.
 *
 * @param appId               the bot's Microsoft App ID (the audience of inbound tokens)
 * @param appPassword         its client secret, for outbound tokens
 * @param tenantId            the one tenant the bot serves
 * @param openIdMetadataUrl   where the Bot Framework's signing keys are published (tests point it at a stub)
 * @param tokenUrl            the token endpoint for outbound calls; empty means the tenant's Entra ID endpoint
 * @param maxBodyBytes        larger activities are refused with 413 before they are parsed
 * @param perConversationPerSecond  Teams' limit of messages into one conversation per second
 * @param perConversationPer30Seconds  ... and per 30 seconds
 * @param perTenantPerSecond  Teams' limit of requests per second for the whole tenant
 * @param bulkShare           the part of the tenant's limit a reminder fan-out may use; the rest is kept for replies
 * @param connectTimeout      how long a Bot Connector call may take to connect
 */
@ConfigurationProperties("teams")
public record TeamsProperties(String appId, String appPassword, String tenantId,
                              @DefaultValue("https://login.botframework.com/v1/.well-known/openidconfiguration")
                              URI openIdMetadataUrl,
                              URI tokenUrl,
                              @DefaultValue("262144") int maxBodyBytes,
                              @DefaultValue("7") int perConversationPerSecond,
                              @DefaultValue("60") int perConversationPer30Seconds,
                              @DefaultValue("50") int perTenantPerSecond,
                              @DefaultValue("0.8") double bulkShare,
                              @DefaultValue("10s") Duration connectTimeout) {

    /** Requests a second a reminder fan-out may send into the tenant (at least one). */
    int bulkPerTenantPerSecond() {
        return Math.max(1, (int) Math.floor(perTenantPerSecond * bulkShare));
    }

    /** The token endpoint: the configured one, or the tenant's. */
    URI tokenEndpoint() {
        return tokenUrl != null && !tokenUrl.toString().isBlank() ? tokenUrl
                : URI.create("https://login.microsoftonline.com/" + tenantId + "/oauth2/v2.0/token");
    }
}
