package dev.trellis.channel.teams;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The Teams conversations the bot was installed in, remembered from authenticated activities only: what a proactive
 * message needs (service URL, tenant, the bot's id) and whether the welcome went out. Kept in MongoDB so every node
 * sends to the same place and the welcome goes out once however many nodes see the install. A conversation the bot
 * was removed from (uninstall, or the Bot Connector answered 403/404) is inactive: nothing more is sent to it.
 */
final class ConversationReferences {

    static final String COLLECTION = "teamsConversations";

    /**
     * @param id        the Teams conversation id
     * @param userId    the person's id in Trellis terms (their Entra object id) for a personal chat
     * @param userTeamsId the person's Teams id ({@code 29:...}), which mentions and new conversations need
     * @param type      {@code personal}, {@code groupChat} or {@code channel}
     */
    @Document(COLLECTION)
    record Reference(@Id String id, String serviceUrl, String tenantId, String botId, String userId,
                     String userTeamsId, String type, boolean active, String reason, Instant welcomedAt,
                     Instant updatedAt) {

        boolean personal() {
            return "personal".equals(type);
        }

        boolean sameAddress(Reference other) {
            return java.util.Objects.equals(serviceUrl, other.serviceUrl)
                    && java.util.Objects.equals(tenantId, other.tenantId) && java.util.Objects.equals(botId, other.botId)
                    && (!personal() || java.util.Objects.equals(userId, other.userId)
                    && java.util.Objects.equals(userTeamsId, other.userTeamsId));
        }
    }

    private final MongoTemplate mongo;

    ConversationReferences(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores the reference, or refreshes it when it changed (the service URL can), and marks the conversation active.
     * Every personal message passes here on the acknowledgement path, so an unchanged reference costs a read only.
     */
    void remember(Reference reference, Instant at) {
        Reference known = mongo.findById(reference.id(), Reference.class);
        if (known != null && known.active() && known.sameAddress(reference)) {
            return;
        }
        Update update = new Update().set("serviceUrl", reference.serviceUrl()).set("tenantId", reference.tenantId())
                .set("botId", reference.botId()).set("type", reference.type()).set("active", true).unset("reason")
                .set("updatedAt", at);
        if (reference.personal()) {
            update.set("userId", reference.userId()).set("userTeamsId", reference.userTeamsId());
        }
        mongo.upsert(query(where("_id").is(reference.id())), update, Reference.class);
    }

    /** True exactly once per installation: the caller that gets true sends the welcome. */
    boolean claimWelcome(String conversationId, Instant at) {
        return mongo.findAndModify(query(where("_id").is(conversationId).and("welcomedAt").is(null)),
                new Update().set("welcomedAt", at), FindAndModifyOptions.options().returnNew(true),
                Reference.class) != null;
    }

    Optional<Reference> find(String conversationId) {
        return Optional.ofNullable(mongo.findById(conversationId, Reference.class));
    }

    /** Nothing more goes to the conversation; a new install welcomes again. */
    void deactivate(String conversationId, String reason, Instant at) {
        mongo.upsert(query(where("_id").is(conversationId)), new Update().set("active", false).set("reason", reason)
                .unset("welcomedAt").set("updatedAt", at), Reference.class);
    }

    boolean active(String conversationId) {
        return !mongo.exists(query(where("_id").is(conversationId).and("active").is(false)), Reference.class);
    }
}
