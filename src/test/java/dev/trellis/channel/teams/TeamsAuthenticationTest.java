package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static dev.trellis.channel.teams.BotFramework.APP_ID;
import static dev.trellis.channel.teams.BotFramework.ISSUER;
import static dev.trellis.channel.teams.BotFramework.TEAMS_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * Nothing reaches the inbox unless the Bot Framework token authenticates the activity: each way a token can be
 * wrong gets a 401 and leaves no trace; the real one is stored and answered.
 */
class TeamsAuthenticationTest extends TeamsTestEnvironment {

    private static final Instant IN_AN_HOUR = Instant.now().plusSeconds(3600);

    @Test
    void activityWithAValidTokenIsStoredAndAnswered() throws Exception {
        String activity = BotFramework.message("auth-ok", "a:auth-ok", "aad-auth-ok", "/coach");

        assertThat(BotFramework.send(port, activity).statusCode()).isEqualTo(200);

        assertThat(stored("auth-ok")).isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> !BotFramework.STUB.findAll(
                postRequestedFor(urlMatching("/smba/v3/conversations/a%3Aauth-ok/activities"))).isEmpty());
    }

    @Test
    void tokenForAnotherBotIsRefused() throws Exception {
        assertRefused("wrong-aud", "Bearer " + BotFramework.token(TEAMS_KEY, ISSUER, "someone-else",
                BotFramework.serviceUrl(), IN_AN_HOUR));
    }

    @Test
    void tokenFromAnotherIssuerIsRefused() throws Exception {
        assertRefused("wrong-iss", "Bearer " + BotFramework.token(TEAMS_KEY, "https://sts.example.com", APP_ID,
                BotFramework.serviceUrl(), IN_AN_HOUR));
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        // beyond the five minutes of clock skew the Bot Framework allows
        assertRefused("expired", "Bearer " + BotFramework.token(TEAMS_KEY, ISSUER, APP_ID,
                BotFramework.serviceUrl(), Instant.now().minusSeconds(3600)));
    }

    @Test
    void tokenSignedWithAnUnpublishedKeyIsRefused() throws Exception {
        assertRefused("unknown-key", "Bearer " + BotFramework.token("not-published", ISSUER, APP_ID,
                BotFramework.serviceUrl(), IN_AN_HOUR));
    }

    @Test
    void tokenSignedWithAKeyNotEndorsedForTeamsIsRefused() throws Exception {
        assertRefused("webchat-endorsed", "Bearer " + BotFramework.token(BotFramework.WEBCHAT_KEY, ISSUER, APP_ID,
                BotFramework.serviceUrl(), IN_AN_HOUR));
        assertRefused("not-endorsed", "Bearer " + BotFramework.token(BotFramework.BARE_KEY, ISSUER, APP_ID,
                BotFramework.serviceUrl(), IN_AN_HOUR));
    }

    @Test
    void tokenForAnotherServiceUrlIsRefused() throws Exception {
        assertRefused("other-service", "Bearer " + BotFramework.token(TEAMS_KEY, ISSUER, APP_ID,
                "https://smba.trafficmanager.net/emea/", IN_AN_HOUR));
    }

    @Test
    void activityFromAnotherTenantIsRefused() throws Exception {
        String activity = BotFramework.message("other-tenant", "a:other-tenant", "aad-x", "hello")
                .replace("\"" + BotFramework.TENANT + "\"", "\"tenant-2\"");
        assertThat(BotFramework.send(port, "Bearer " + BotFramework.token(), activity).statusCode()).isEqualTo(401);
        assertThat(stored("other-tenant")).isFalse();
    }

    @Test
    void requestWithoutTokenOrWithGarbageIsRefused() throws Exception {
        String activity = BotFramework.message("no-token", "a:no-token", "aad-x", "hello");
        assertThat(BotFramework.send(port, null, activity).statusCode()).isEqualTo(401);
        assertThat(BotFramework.send(port, "Bearer not.a.jwt", activity).statusCode()).isEqualTo(401);
        assertThat(BotFramework.send(port, "Basic dXNlcjpwYXNz", activity).statusCode()).isEqualTo(401);
        assertThat(stored("no-token")).isFalse();
    }

    @Test
    void tokenIsNotValidForAnActivityClaimingAnotherChannel() throws Exception {
        String activity = BotFramework.message("webchat-channel", "a:wc", "aad-x", "hello")
                .replace("\"msteams\"", "\"webchat\"");
        assertThat(BotFramework.send(port, activity).statusCode()).isEqualTo(401);
        assertThat(stored("webchat-channel")).isFalse();
    }

    private void assertRefused(String id, String authorization) throws Exception {
        String activity = BotFramework.message(id, "a:" + id, "aad-" + id, "hello");
        assertThat(BotFramework.send(port, authorization, activity).statusCode()).isEqualTo(401);
        assertThat(stored(id)).isFalse();
    }

    private boolean stored(String activityId) {
        return mongo.getCollection("inbox").countDocuments(new org.bson.Document("_id", "teams:" + activityId)) > 0;
    }
}
