package dev.trellis.channel.teams;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.auth0.jwt.JWT;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.CachingOpenIdMetadataResolver;
import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.JwtTokenExtractor;
import com.microsoft.bot.connector.authentication.OpenIdMetadataKey;
import com.microsoft.bot.schema.Activity;

/**
 * Checks that an activity really comes from Teams through the Bot Framework, before anything of it is stored: the
 * bearer token is signed by a key from the Bot Framework's OpenID metadata (RS256, within its lifetime), issued by
 * {@code https://api.botframework.com} for this bot (audience = app id), the key is endorsed for {@code msteams}, its
 * {@code serviceurl} claim names the activity's service URL, and the activity belongs to the bot's tenant.
 *
 * <p>Signature, issuer and lifetime are checked by the SDK's {@link JwtTokenExtractor} (keys cached per metadata
 * URL, refreshed daily and on an unknown key at most hourly); the SDK skips the endorsement check for a key without
 * endorsements, so this class requires them itself.
 */
final class BotAuthentication {

    static final String TEAMS_CHANNEL = "msteams";
    private static final long TIMEOUT_SECONDS = 10;

    enum Verdict { VALID, NO_TOKEN, INVALID_TOKEN, WRONG_AUDIENCE, NOT_ENDORSED, SERVICE_URL_MISMATCH, WRONG_CHANNEL,
        OTHER_TENANT }

    private final String appId;
    private final String tenantId;
    private final String metadataUrl;

    BotAuthentication(String appId, String tenantId, String metadataUrl) {
        this.appId = appId;
        this.tenantId = tenantId;
        this.metadataUrl = metadataUrl;
    }

    /** True when the request carries a bearer token at all: without one nothing else is looked at. */
    static boolean hasBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }

    Verdict verify(String authorization, Activity activity) {
        if (!hasBearer(authorization)) {
            return Verdict.NO_TOKEN;
        }
        if (!TEAMS_CHANNEL.equals(activity.getChannelId())) {
            return Verdict.WRONG_CHANNEL;
        }
        ClaimsIdentity identity = identity(authorization);
        if (identity == null || !identity.isAuthenticated()
                || !AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER.equalsIgnoreCase(identity.getIssuer())) {
            return Verdict.INVALID_TOKEN;
        }
        if (!appId.equals(identity.claims().get(AuthenticationConstants.AUDIENCE_CLAIM))) {
            return Verdict.WRONG_AUDIENCE;
        }
        if (!endorsedForTeams(authorization)) {
            return Verdict.NOT_ENDORSED;
        }
        String serviceUrl = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
        if (serviceUrl == null || activity.getServiceUrl() == null
                || !serviceUrl.equalsIgnoreCase(activity.getServiceUrl())) {
            return Verdict.SERVICE_URL_MISMATCH;
        }
        return tenantId.equals(TeamsActivities.tenantOf(activity)) ? Verdict.VALID : Verdict.OTHER_TENANT;
    }

    private ClaimsIdentity identity(String authorization) {
        try {
            JwtTokenExtractor extractor = new JwtTokenExtractor(ChannelValidation.getTokenValidationParameters(),
                    metadataUrl, AuthenticationConstants.ALLOWED_SIGNING_ALGORITHMS);
            return extractor.getIdentity(authorization, TEAMS_CHANNEL, List.of(TEAMS_CHANNEL))
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            return null; // a token that does not parse, verify or endorse: refused, whatever the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The signing key (already cached by the extractor) lists {@code msteams} among its endorsements. */
    private boolean endorsedForTeams(String authorization) {
        String keyId = JWT.decode(authorization.substring(7).trim()).getKeyId();
        OpenIdMetadataKey key = new CachingOpenIdMetadataResolver().get(metadataUrl).getKey(keyId);
        return key != null && key.endorsements != null && key.endorsements.contains(TEAMS_CHANNEL);
    }
}
