package dev.trellis.flow;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Optional;

/** Flow versions in the {@code flowVersions} collection, one document per {@code <id>@<version>}. */
final class MongoFlowVersionStore implements FlowVersionStore {

    static final String COLLECTION = "flowVersions";

    private final MongoTemplate mongo;

    MongoFlowVersionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(Flow flow) {
        Update insertOnce = new Update()
                .setOnInsert("flowId", flow.id())
                .setOnInsert("version", flow.version())
                .setOnInsert("source", flow.source())
                .setOnInsert("file", flow.file())
                .setOnInsert("firstSeen", Instant.now());
        mongo.upsert(Query.query(Criteria.where("_id").is(key(flow.id(), flow.version()))), insertOnce, COLLECTION);
    }

    @Override
    public Optional<StoredVersion> find(String flowId, String version) {
        Document doc = mongo.findById(key(flowId, version), Document.class, COLLECTION);
        if (doc == null) return Optional.empty();
        return Optional.of(new StoredVersion(doc.getString("flowId"), doc.getString("version"), doc.getString("file"),
                doc.getString("source")));
    }

    private static String key(String flowId, String version) {
        return flowId + "@" + version;
    }
}
