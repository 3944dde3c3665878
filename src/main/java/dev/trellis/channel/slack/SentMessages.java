package dev.trellis.channel.slack;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where each delivered message landed ({@code channel} + {@code ts}), so a repeated delivery of the same message id
 * is not posted twice and an answered question can be replaced with {@code chat.update}. The question text is kept
 * to rebuild the message around the answer; it is the bot's wording and is erased with the conversation.
 */
final class SentMessages {

    static final String COLLECTION = "slackMessages";

    @Document(COLLECTION)
    record SentMessage(@Id String id, String conversationId, String controlId, String channelId, String ts,
                       String questionText, Instant sentAt) {
    }

    private final MongoTemplate mongo;

    SentMessages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void createIndexes() {
        mongo.indexOps(SentMessage.class).createIndex(new Index().on("conversationId", Sort.Direction.ASC)
                .on("controlId", Sort.Direction.ASC).named("conversation_control"));
    }

    Optional<SentMessage> byMessage(String conversationId, String messageId) {
        return Optional.ofNullable(mongo.findById(key(conversationId, messageId), SentMessage.class));
    }

    Optional<SentMessage> byControl(String conversationId, String controlId) {
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId)
                .and("controlId").is(controlId)), SentMessage.class));
    }

    void remember(String conversationId, String messageId, String controlId, String channelId, String ts,
                  String questionText, Instant at) {
        mongo.save(new SentMessage(key(conversationId, messageId), conversationId, controlId, channelId, ts,
                controlId == null ? null : questionText, at));
    }

    private static String key(String conversationId, String messageId) {
        return conversationId + "/" + messageId;
    }
}
