package dev.trellis.engine.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.PlatformMessages;

/** {@link PlatformMessages} in MongoDB, keyed by conversation and delivery id; question texts sealed with the person's key. */
@Component
class MongoPlatformMessages implements PlatformMessages, InitializingBean {

    static final String COLLECTION = "platformMessages";

    @Document(COLLECTION)
    record Stored(@Id String id, String conversationId, String personId, String deliveryId, String controlId,
                  String place, String ref, String questionText, Instant at) {
    }

    private final MongoTemplate mongo;
    private final FreeTextCodec codec;

    MongoPlatformMessages(MongoTemplate mongo, FreeTextCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(Stored.class).createIndex(new Index().on("conversationId", Sort.Direction.ASC)
                .on("controlId", Sort.Direction.ASC).named("conversation_control"));
    }

    @Override
    public Optional<Landed> byDelivery(String conversationId, String deliveryId) {
        return Optional.ofNullable(mongo.findById(key(conversationId, deliveryId), Stored.class)).map(this::open);
    }

    @Override
    public Optional<Landed> byControl(String conversationId, String controlId) {
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId)
                .and("controlId").is(controlId)), Stored.class)).map(this::open);
    }

    @Override
    public void remember(Landed landed) {
        mongo.save(new Stored(key(landed.conversationId(), landed.deliveryId()), landed.conversationId(),
                landed.personId(), landed.deliveryId(), landed.controlId(), landed.place(), landed.ref(),
                landed.questionText() == null ? null : codec.seal(landed.personId(), landed.questionText()),
                landed.at()));
    }

    @Override
    public Optional<String> lastPlace(String conversationId) {
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId))
                .with(Sort.by(Sort.Direction.DESC, "at")).limit(1), Stored.class)).map(Stored::place);
    }

    private Landed open(Stored stored) {
        return new Landed(stored.conversationId(), stored.personId(), stored.deliveryId(), stored.controlId(),
                stored.place(), stored.ref(), stored.questionText() == null ? null
                : codec.open(stored.personId(), stored.questionText()), stored.at());
    }

    private static String key(String conversationId, String deliveryId) {
        return conversationId + "/" + deliveryId;
    }
}
