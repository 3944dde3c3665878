package dev.trellis.channel.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The Bot Framework as the tests see it: WireMock serves the OpenID metadata, the JWKS (a Teams-endorsed key, a key
 * endorsed for another channel only, a key without endorsements), the token endpoint and the Bot Connector; tokens are
 * signed here with the test keys (RS256 computed with the JDK, independently of the SDK that checks them); activities
 * are posted to {@code /api/messages} the way Teams posts them.
 */
final class BotFramework {

    static final String APP_ID = "00000000-0000-0000-0000-00000000b0t1";
    static final String TENANT = "tenant-1";
    static final String BOT_ID = "28:" + APP_ID;
    static final String ISSUER = "https://api.botframework.com";
    static final String TEAMS_KEY = "teams-key";
    static final String WEBCHAT_KEY = "webchat-key";
    static final String BARE_KEY = "bare-key";

    static final WireMockServer STUB = new WireMockServer(wireMockConfig().dynamicPort());
    private static final Map<String, KeyPair> KEYS = Map.of(TEAMS_KEY, rsa(), WEBCHAT_KEY, rsa(), BARE_KEY, rsa());
    /** A key the JWKS does not publish. */
    static final KeyPair UNKNOWN = rsa();

    static {
        STUB.start();
        stubIdentity();
    }

    static String serviceUrl() {
        return STUB.baseUrl() + "/smba/";
    }

    static String metadataUrl() {
        return STUB.baseUrl() + "/openid";
    }

    static String tokenUrl() {
        return STUB.baseUrl() + "/tenant-1/oauth2/v2.0/token";
    }

    /** Metadata, keys, the token endpoint, and a Bot Connector that accepts every activity. */
    static void stubIdentity() {
        STUB.stubFor(get(urlEqualTo("/openid")).willReturn(okJson("""
                {"issuer":"https://api.botframework.com","authorization_endpoint":"https://invalid.botframework.com",
                 "jwks_uri":"%s/keys","id_token_signing_alg_values_supported":["RS256"],
                 "token_endpoint_auth_methods_supported":["private_key_jwt"]}""".formatted(STUB.baseUrl()))));
        STUB.stubFor(get(urlEqualTo("/keys")).willReturn(okJson("""
                {"keys":[%s,%s,%s]}""".formatted(jwk(TEAMS_KEY, "[\"msteams\",\"skype\"]"),
                jwk(WEBCHAT_KEY, "[\"webchat\"]"), jwk(BARE_KEY, null)))));
        STUB.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(okJson("""
                {"token_type":"Bearer","expires_in":3599,"access_token":"bot-access-token"}""")));
        STUB.stubFor(post(urlMatching("/smba/v3/conversations/[^/]+/activities(/[^/]+)?")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"id\":\"{{randomValue length=12 type='ALPHANUMERIC'}}\"}").withTransformers("response-template")));
        STUB.stubFor(put(urlMatching("/smba/v3/conversations/[^/]+/activities/[^/]+")).willReturn(okJson("{\"id\":\"x\"}")));
    }

    /** A token as the Bot Framework issues it for this bot and service URL. */
    static String token() {
        return token(TEAMS_KEY, ISSUER, APP_ID, serviceUrl(), Instant.now().plusSeconds(3600));
    }

    static String token(String keyId, String issuer, String audience, String serviceUrl, Instant expires) {
        KeyPair key = KEYS.getOrDefault(keyId, UNKNOWN);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        long now = Instant.now().getEpochSecond();
        String payload = """
                {"serviceurl":"%s","nbf":%d,"exp":%d,"iss":"%s","aud":"%s"}"""
                .formatted(serviceUrl, Math.min(now, expires.getEpochSecond()) - 600, expires.getEpochSecond(),
                        issuer, audience);
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(rs256.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> send(int port, String authorization, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(int port, String body) throws Exception {
        return send(port, "Bearer " + token(), body);
    }

    /** A message in the personal chat {@code conversation} from user {@code aad}. */
    static String message(String id, String conversation, String aad, String text) {
        return """
                {"type":"message","id":"%s","timestamp":"2026-12-03T10:00:00.000Z","serviceUrl":"%s",
                 "channelId":"msteams","from":{"id":"29:%s","name":"Alex Doe","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},"textFormat":"plain","locale":"en-US",
                 "localTimezone":"Europe/Berlin","text":%s,
                 "channelData":{"tenant":{"id":"%s"}}}""".formatted(id, serviceUrl(), aad, aad, TENANT, conversation,
                BOT_ID, quote(text), TENANT);
    }

    /** An {@code Action.Submit} from a card in {@code conversation}: {@code data} is the action's data plus inputs. */
    static String submit(String id, String conversation, String aad, String replyToId, String data) {
        return """
                {"type":"message","id":"%s","timestamp":"2026-12-03T10:00:00.000Z","serviceUrl":"%s",
                 "channelId":"msteams","from":{"id":"29:%s","name":"Alex Doe","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},"replyToId":"%s","value":%s,
                 "channelData":{"tenant":{"id":"%s"},"source":{"name":"message"}}}"""
                .formatted(id, serviceUrl(), aad, aad, TENANT, conversation, BOT_ID, replyToId, data, TENANT);
    }

    /**
     * The person answered a file-consent card in their personal chat: {@code action} is accept or decline,
     * {@code context} the card's context, and on accept Teams says where in their OneDrive to put the file.
     */
    static String fileConsent(String id, String conversation, String aad, String action, String context,
                              String uploadUrl) {
        return """
                {"type":"invoke","name":"fileConsent/invoke","id":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:%s","name":"Alex Doe","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},
                 "value":{"type":"fileUpload","action":"%s","context":%s,
                  "uploadInfo":{"contentUrl":"https://contoso-my.sharepoint.com/personal/alex/Documents/Applications/Trellis/data.json",
                   "name":"data.json","uploadUrl":"%s","uniqueId":"1150D938-8870-4044-9F2C-5BBDEBA70C9D","fileType":"json"}},
                 "channelData":{"tenant":{"id":"%s"}}}"""
                .formatted(id, serviceUrl(), aad, aad, TENANT, conversation, BOT_ID, action, context, uploadUrl, TENANT);
    }

    /** A message in a team channel that mentions the bot. */
    static String mention(String id, String channelConversation, String aad, String textAfterMention) {
        return """
                {"type":"message","id":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:%s","name":"Alex Doe","aadObjectId":"%s"},
                 "conversation":{"isGroup":true,"conversationType":"channel","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},"text":%s,
                 "entities":[{"type":"mention","text":"<at>Trellis</at>","mentioned":{"id":"%s","name":"Trellis"}}],
                 "channelData":{"tenant":{"id":"%s"},"team":{"id":"19:team"},"channel":{"id":"19:general"}}}"""
                .formatted(id, serviceUrl(), aad, aad, TENANT, channelConversation, BOT_ID,
                        quote("<at>Trellis</at> " + textAfterMention), BOT_ID, TENANT);
    }

    /** The bot was added to the personal chat {@code conversation} (the app was installed). */
    static String installed(String id, String conversation, String aad) {
        return """
                {"type":"conversationUpdate","id":"%s","serviceUrl":"%s","channelId":"msteams",
                 "from":{"id":"29:%s","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},"membersAdded":[{"id":"%s"}],
                 "channelData":{"tenant":{"id":"%s"}}}""".formatted(id, serviceUrl(), aad, aad, TENANT, conversation,
                BOT_ID, BOT_ID, TENANT);
    }

    static String installationUpdate(String id, String conversation, String aad, String action) {
        return """
                {"type":"installationUpdate","id":"%s","serviceUrl":"%s","channelId":"msteams","action":"%s",
                 "from":{"id":"29:%s","aadObjectId":"%s"},
                 "conversation":{"conversationType":"personal","tenantId":"%s","id":"%s"},
                 "recipient":{"id":"%s","name":"Trellis"},"channelData":{"tenant":{"id":"%s"}}}"""
                .formatted(id, serviceUrl(), action, aad, aad, TENANT, conversation, BOT_ID, TENANT);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static String jwk(String keyId, String endorsements) {
        RSAPublicKey key = (RSAPublicKey) KEYS.get(keyId).getPublic();
        return "{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\"" + keyId + "\",\"n\":\"" + b64(unsigned(key.getModulus()))
                + "\",\"e\":\"" + b64(unsigned(key.getPublicExponent())) + "\""
                + (endorsements == null ? "" : ",\"endorsements\":" + endorsements) + "}";
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BotFramework() {
    }
}
