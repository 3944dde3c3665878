package dev.trellis.identity;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A platform identity linked to a Trellis person. {@code _id} is the identity's key
 * ({@code platform:workspace:userId}), so MongoDB's unique {@code _id} index makes each identity link to exactly
 * one person, whichever node saw it first.
 */
@Document(IdentityLink.COLLECTION)
record IdentityLink(@Id String key, String personId, String platform, String workspace, String userId,
                    Instant linkedAt) {

    static final String COLLECTION = "identityLinks";
    static final String PERSON_ID = "personId";
}
