package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.trellis.engine.PlatformIdentity;

/**
 * Links identities by an e-mail address their platform verified, when the operator turned it on
 * ({@code trellis.identity.link-by-email}). The address itself is not stored: an identity link keyed by its SHA-256
 * ({@code email:verified:<digest>}) points at the person who first showed it; a later identity with the same
 * address is merged into that person.
 */
@Component
public class EmailLinks {

    private static final Logger log = LoggerFactory.getLogger(EmailLinks.class);

    private final MongoTemplate mongo;
    private final MongoPersonDirectory directory;
    private final IdentityProperties properties;

    EmailLinks(MongoTemplate mongo, MongoPersonDirectory directory, IdentityProperties properties) {
        this.mongo = mongo;
        this.directory = directory;
        this.properties = properties;
    }

    /**
     * The platform says {@code identity} has verified address {@code email}: when linking by e-mail is on, the
     * identity's person and whoever showed that address before become one person. Does nothing when it is off or
     * the address is blank. Safe to call again with the same facts.
     */
    public void verified(PlatformIdentity identity, String email) {
        if (!properties.linkByEmail() || email == null || email.isBlank()) {
            return;
        }
        String person = directory.resolve(identity);
        PlatformIdentity address = new PlatformIdentity("email", "verified", digest(email));
        IdentityLink link = mongo.findAndModify(query(where("_id").is(address.key())), new Update()
                        .setOnInsert(IdentityLink.PERSON_ID, person).setOnInsert("platform", address.platform())
                        .setOnInsert("workspace", address.workspace()).setOnInsert("userId", address.userId()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), IdentityLink.class);
        if (link != null && !person.equals(link.personId())) {
            directory.merge(person, link.personId());
            log.info("Person {} linked into person {} by a verified e-mail address of {}", person,
                    link.personId(), identity.key());
        }
    }

    /**
     * The person who showed this verified address, when linking by e-mail has recorded one (the address is looked up
     * by its digest; it is never stored).
     */
    public java.util.Optional<String> personWith(String email) {
        if (email == null || email.isBlank()) return java.util.Optional.empty();
        return directory.find(new PlatformIdentity("email", "verified", digest(email)));
    }

    private static String digest(String email) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    ("trellis-email:" + email.strip().toLowerCase(Locale.ROOT)).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
