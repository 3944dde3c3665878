package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dev.trellis.engine.PlatformIdentity;

/**
 * The platform identities of one person, and forgetting them (export and erasure). Separate from the
 * {@code PersonDirectory} the engine uses, which only ever resolves one identity.
 */
@Service
public class PersonIdentities {

    private final MongoPersonDirectory directory;
    private final MongoTemplate mongo;

    PersonIdentities(MongoPersonDirectory directory, MongoTemplate mongo) {
        this.directory = directory;
        this.mongo = mongo;
    }

    /** Every identity linked to {@code personId} (Slack, Teams, web), in no particular order. */
    public List<PlatformIdentity> of(String personId) {
        return directory.links(personId).stream()
                .map(link -> new PlatformIdentity(link.platform(), link.workspace(), link.userId())).toList();
    }

    /** The stored links as they are (for an export): identity key, platform, workspace, user and when linked. */
    public List<org.bson.Document> links(String personId) {
        return mongo.find(query(where(IdentityLink.PERSON_ID).is(personId)), org.bson.Document.class,
                IdentityLink.COLLECTION);
    }

    /**
     * Removes every link of the person and their unused link codes. An event from one of the identities afterwards
     * meets a new person.
     */
    public long forget(String personId) {
        long removed = mongo.remove(query(where("personId").is(personId)), LinkCodes.COLLECTION).getDeletedCount();
        return removed + mongo.remove(query(where(IdentityLink.PERSON_ID).is(personId)), IdentityLink.COLLECTION)
                .getDeletedCount();
    }
}
