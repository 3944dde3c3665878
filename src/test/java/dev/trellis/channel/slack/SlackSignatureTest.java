package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlackSignatureTest {

    /** The worked example from Slack's "Verifying requests from Slack" documentation. */
    private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final String BODY = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect"
            + "&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
            + "&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private static final String TIMESTAMP = "1531420618";
    private static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(1531420618);

    private final SlackSignature signature = new SlackSignature(SECRET, Duration.ofMinutes(5));

    @Test
    void slacksDocumentedExampleIsValid() {
        assertThat(verify(TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(30))).isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void changedBodyOrWrongSecretIsAMismatch() {
        assertThat(verify(TIMESTAMP, SIGNATURE, BODY + "&x=1", SIGNED_AT)).isEqualTo(SlackSignature.Verdict.MISMATCH);
        assertThat(new SlackSignature("another-secret", Duration.ofMinutes(5))
                .verify(TIMESTAMP, SIGNATURE, BODY.getBytes(StandardCharsets.UTF_8), SIGNED_AT))
                .isEqualTo(SlackSignature.Verdict.MISMATCH);
    }

    @Test
    void timestampMoreThanFiveMinutesOffEitherWayIsStale() {
        assertThat(verify(TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.plusSeconds(301))).isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(verify(TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.minusSeconds(301))).isEqualTo(SlackSignature.Verdict.STALE);
        assertThat(verify(TIMESTAMP, SIGNATURE, BODY, SIGNED_AT.minusSeconds(299))).isEqualTo(SlackSignature.Verdict.VALID);
    }

    @Test
    void missingOrGarbledHeadersAreMissing() {
        assertThat(verify(null, SIGNATURE, BODY, SIGNED_AT)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(verify(TIMESTAMP, null, BODY, SIGNED_AT)).isEqualTo(SlackSignature.Verdict.MISSING);
        assertThat(verify("yesterday", SIGNATURE, BODY, SIGNED_AT)).isEqualTo(SlackSignature.Verdict.MISSING);
    }

    private SlackSignature.Verdict verify(String timestamp, String sig, String body, Instant now) {
        return signature.verify(timestamp, sig, body.getBytes(StandardCharsets.UTF_8), now);
    }
}
