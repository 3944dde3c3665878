package dev.trellis.sharing;

import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@link Consents} in the {@code consents} collection, one document per consent: ids, kinds and times, nothing a
 * person wrote (so nothing to seal). Withdrawing sets {@code withdrawnAt}; the record stays for the person's export
 * until they erase their data.
 */
@Component
class MongoConsents implements Consents, SmartInitializingSingleton {

    static final String COLLECTION = "consents";

    @Document(COLLECTION)
    record Stored(@Id String id, String personId, String kind, String itemId, String audience, Instant givenAt,
                  Instant withdrawnAt) {

        Consent consent() {
            return new Consent(id, personId, new SharedItem(kind, itemId), Audience.of(audience), givenAt, withdrawnAt);
        }
    }

    private final MongoTemplate mongo;

    MongoConsents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterSingletonsInstantiated() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("personId", Sort.Direction.ASC)
                .on("givenAt", Sort.Direction.ASC).named("person_given"));
    }

    @Override
    public void give(String id, String personId, SharedItem item, Audience audience, Instant at) {
        boolean alreadyShared = active(personId).stream()
                .anyMatch(c -> c.item().equals(item) && c.audience() == audience);
        if (alreadyShared) return;
        // keyed by the id (the share effect's): hearing the effect again finds the record and leaves it as it is
        mongo.upsert(query(where("_id").is(id)), new Update().setOnInsert("personId", personId)
                .setOnInsert("kind", item.kind()).setOnInsert("itemId", item.id())
                .setOnInsert("audience", audience.flowName()).setOnInsert("givenAt", at), COLLECTION);
    }

    @Override
    public List<Consent> active(String personId) {
        return all(personId).stream().filter(Consent::active).toList();
    }

    @Override
    public List<Consent> all(String personId) {
        Query byPerson = query(where("personId").is(personId)).with(Sort.by("givenAt", "_id"));
        return mongo.find(byPerson, Stored.class, COLLECTION).stream().map(Stored::consent).toList();
    }

    @Override
    public boolean withdraw(String personId, String consentId, Instant at) {
        return mongo.updateFirst(query(where("_id").is(consentId).and("personId").is(personId)
                        .and("withdrawnAt").is(null)), new Update().set("withdrawnAt", at), COLLECTION)
                .getModifiedCount() > 0;
    }

    @Override
    public int withdrawAll(String personId, Instant at) {
        return (int) mongo.updateMulti(query(where("personId").is(personId).and("withdrawnAt").is(null)),
                new Update().set("withdrawnAt", at), COLLECTION).getModifiedCount();
    }

    @Override
    public long forget(String personId) {
        return mongo.remove(query(where("personId").is(personId)), COLLECTION).getDeletedCount();
    }
}
