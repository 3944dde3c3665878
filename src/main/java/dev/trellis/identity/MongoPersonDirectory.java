package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;

/**
 * The {@link PersonDirectory} over the {@code identityLinks} collection. Resolving is one {@code findAndModify}
 * upsert on the identity's key that only sets a new random person id on insert: a known identity gets its person,
 * a new one a new person, and two nodes racing on the same new identity end with one link and one person id.
 */
@Component
class MongoPersonDirectory implements PersonDirectory, InitializingBean {

    private final MongoTemplate mongo;
    private final PersonData data;
    private final Clock clock;

    MongoPersonDirectory(MongoTemplate mongo, Clock clock, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.data = new PersonData(mongo, events);
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(IdentityLink.class).createIndex(new Index().on(IdentityLink.PERSON_ID, Sort.Direction.ASC)
                .named("person"));
    }

    @Override
    public String resolve(PlatformIdentity identity) {
        Update onInsert = new Update()
                .setOnInsert(IdentityLink.PERSON_ID, UUID.randomUUID().toString())
                .setOnInsert("platform", identity.platform())
                .setOnInsert("workspace", identity.workspace())
                .setOnInsert("userId", identity.userId())
                .setOnInsert("linkedAt", clock.instant());
        try {
            return upsert(identity, onInsert);
        } catch (DuplicateKeyException raced) {
            // MongoDB may answer one of two concurrent upserts of a new key with a duplicate key: the other won
            return find(identity).orElseThrow(() -> raced);
        }
    }

    private String upsert(PlatformIdentity identity, Update onInsert) {
        IdentityLink link = mongo.findAndModify(query(where("_id").is(identity.key())), onInsert,
                FindAndModifyOptions.options().upsert(true).returnNew(true), IdentityLink.class);
        if (link == null || link.personId() == null) {
            throw new IllegalStateException("No person for identity link " + identity.key());
        }
        return link.personId();
    }

    @Override
    public Optional<String> find(PlatformIdentity identity) {
        return Optional.ofNullable(mongo.findById(identity.key(), IdentityLink.class)).map(IdentityLink::personId);
    }

    /** Every identity linked to {@code personId}. */
    List<IdentityLink> links(String personId) {
        return mongo.find(query(where(IdentityLink.PERSON_ID).is(personId)), IdentityLink.class);
    }

    /**
     * Joins person {@code from} into person {@code into}: every identity of {@code from} links to {@code into}, and
     * everything stored about {@code from} is moved there. Conversations stay per identity; only their owner changes.
     */
    void merge(String from, String into) {
        if (from.equals(into)) {
            return;
        }
        mongo.updateMulti(query(where(IdentityLink.PERSON_ID).is(from)),
                new Update().set(IdentityLink.PERSON_ID, into), IdentityLink.class);
        data.move(from, into);
    }
}
