package dev.trellis.privacy.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;

import com.google.crypto.tink.Aead;

import dev.trellis.engine.FreeTextCodec;

/**
 * The {@link FreeTextCodec} of Trellis: free text encrypted (AES-256-GCM, Tink) with its person's data key, stored as
 * {@code tk1:<base64>}; text sealed in transit is {@code tt1:<day>:<base64>} under that day's transit key, bound to
 * its context. Text without either prefix was stored before encryption existed and is read as it is; nothing is
 * ever written that way.
 */
final class SealedText implements FreeTextCodec {

    static final String PERSON_PREFIX = "tk1:";
    static final String TRANSIT_PREFIX = "tt1:";
    /** Free text is bound to being free text: a sealed value cannot be passed off as another kind of secret. */
    private static final byte[] PERSON_CONTEXT = "trellis-free-text".getBytes(StandardCharsets.UTF_8);

    private final DataKeys keys;
    private final Clock clock;

    SealedText(DataKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public String seal(String personId, String text) {
        if (text == null) {
            return null;
        }
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("Free text needs the person it belongs to; it is never stored in clear");
        }
        return PERSON_PREFIX + encrypt(keys.person(personId), text, PERSON_CONTEXT);
    }

    @Override
    public String open(String personId, String stored) {
        if (stored == null || !stored.startsWith(PERSON_PREFIX)) {
            return stored;
        }
        if (personId == null) {
            throw new UnreadableText("sealed text without its person");
        }
        Aead key = keys.existingPerson(personId)
                .orElseThrow(() -> new UnreadableText("the data key of person " + personId + " no longer exists"));
        return decrypt(key, stored.substring(PERSON_PREFIX.length()), PERSON_CONTEXT);
    }

    @Override
    public String sealInTransit(String context, String text) {
        if (text == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Aead key = keys.transit(day, true).orElseThrow();
        return TRANSIT_PREFIX + day + ":" + encrypt(key, text, context.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String openInTransit(String context, String stored) {
        if (stored == null || !stored.startsWith(TRANSIT_PREFIX)) {
            return stored;
        }
        String rest = stored.substring(TRANSIT_PREFIX.length());
        int colon = rest.indexOf(':');
        LocalDate day;
        try {
            day = LocalDate.parse(rest.substring(0, Math.max(colon, 0)));
        } catch (DateTimeParseException e) {
            throw new UnreadableText("malformed transit text");
        }
        Aead key = keys.transit(day, false)
                .orElseThrow(() -> new UnreadableText("the transit key of " + day + " has expired"));
        return decrypt(key, rest.substring(colon + 1), context.getBytes(StandardCharsets.UTF_8));
    }

    private static String encrypt(Aead key, String text, byte[] context) {
        try {
            byte[] sealed = key.encrypt(text.getBytes(StandardCharsets.UTF_8), context);
            return Base64.getEncoder().withoutPadding().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    private static String decrypt(Aead key, String encoded, byte[] context) {
        try {
            return new String(key.decrypt(Base64.getDecoder().decode(encoded), context), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UnreadableText("sealed text does not open with its key");
        }
    }
}
