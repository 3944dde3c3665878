package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One-time codes that link a second chat to a person. A code is 8 characters from an alphabet without look-alikes
 * (about 40 bits), shown once, valid for {@link #LIFETIME}, and redeemed at most once (an atomic find-and-modify).
 * Only its SHA-256 is stored, so the store cannot be read back into codes. Expired codes are removed when the next
 * code is made (the embedded store has no TTL index).
 */
@Component
class LinkCodes {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final String COLLECTION = "linkCodes";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int LENGTH = 8;

    private final MongoTemplate mongo;
    private final SecureRandom random = new SecureRandom();

    LinkCodes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A new code for {@code personId}, formatted {@code ABCD-2345}. */
    String create(String personId, Instant now) {
        mongo.remove(query(where("expiresAt").lt(now)), COLLECTION);
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        mongo.insert(new Document("_id", hash(code.toString())).append("personId", personId)
                .append("createdAt", now).append("expiresAt", now.plus(LIFETIME)), COLLECTION);
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /**
     * The person who made {@code typed}, if it is a live code not used yet. Using it is atomic and tied to
     * {@code useKey}: a second use with another key finds nothing, while the same key (a turn applied again after a
     * write conflict) gets the same answer.
     */
    Optional<String> redeem(String typed, String useKey, Instant now) {
        String normalized = normalize(typed);
        if (normalized.length() != LENGTH) {
            return Optional.empty();
        }
        Query unused = query(where("_id").is(hash(normalized)).and("expiresAt").gt(now)
                .orOperator(where("usedBy").exists(false), where("usedBy").is(useKey)));
        Document code = mongo.findAndModify(unused, new Update().set("usedBy", useKey).set("usedAt", now),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return code == null ? Optional.empty() : Optional.ofNullable(code.getString("personId"));
    }

    /** A code inside a sentence: "the code is wxyz-2345, I think". */
    private static final java.util.regex.Pattern CODE_IN_WORDS =
            java.util.regex.Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}(?![A-Za-z0-9])");

    /**
     * People type codes with spaces, dashes and in lower case, and sometimes inside a sentence; then the last
     * code-shaped word is the code (one try like any other: a wrong guess only fails).
     */
    static String normalize(String typed) {
        if (typed == null) return "";
        String whole = typed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (whole.length() == LENGTH) return whole;
        java.util.regex.Matcher words = CODE_IN_WORDS.matcher(typed);
        String last = null;
        while (words.find()) last = words.group();
        return last == null ? whole : last.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("trellis-link-code:" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
