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

import dev.trellis.engine.FreeTextCodec;

/**
 * Where each delivered message landed ({@code channel} + {@code ts}), so a repeated delivery of the same message id
 * is not posted twice and an answered question can be replaced with {@code chat.update}. The question text is kept
 * to rebuild the message around the answer; it may quote the person, so it is stored sealed like every free text.
 */
final class SentMessages {

    static final String COLLECTION = "slackMessages";

    @Document(COLLECTION)
    record SentMessage(@Id String id, String conversationId, String controlId, String channelId, String ts,
                       String questionText, Instant sentAt) {
    }

    private final MongoTemplate mongo;
    private final FreeTextCodec codec;

    SentMessages(MongoTemplate mongo, FreeTextCodec codec) {
        this.mongo = mongo;
        this.codec = codec;
    }

    void createIndexes() {
        mongo.indexOps(SentMessage.class).createIndex(new Index().on("conversationId", Sort.Direction.ASC)
                .on("controlId", Sort.Direction.ASC).named("conversation_control"));
    }

    Optional<SentMessage> byMessage(String conversationId, String messageId) {
        return Optional.ofNullable(mongo.findById(key(conversationId, messageId), SentMessage.class));
    }

    /** The question message of control {@code controlId}, its question text opened. */
    Optional<SentMessage> byControl(String conversationId, String controlId) {
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId)
                        .and("controlId").is(controlId)), SentMessage.class))
                .map(m -> new SentMessage(m.id(), m.conversationId(), m.controlId(), m.channelId(), m.ts(),
                        codec.open(conversationId, m.questionText()), m.sentAt()));
    }

    /** The Slack channel the conversation's latest message went to (a DM id even when it was addressed to a user). */
    Optional<String> lastChannel(String conversationId) {
        // only a direct message: a reply to a mention was posted into a channel, and a chart must never follow it
        return Optional.ofNullable(mongo.findOne(query(where("conversationId").is(conversationId)
                        .and("channelId").regex("^D")).with(Sort.by(Sort.Direction.DESC, "sentAt")).limit(1),
                SentMessage.class)).map(SentMessage::channelId);
    }

    void remember(String conversationId, String messageId, String controlId, String channelId, String ts,
                  String questionText, Instant at) {
        mongo.save(new SentMessage(key(conversationId, messageId), conversationId, controlId, channelId, ts,
                controlId == null ? null : codec.seal(conversationId, questionText), at));
    }

    private static String key(String conversationId, String messageId) {
        return conversationId + "/" + messageId;
    }
}
