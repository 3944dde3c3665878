package dev.trellis.identity;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;

/**
 * Start-up migration of documents written before person ids existed, when a conversation was keyed
 * {@code channel:platformUserId}, its recipient named the platform user as the person, and coaching data was owned
 * by the platform user id (for the web chat: by the session cookie). For each such conversation it links the
 * identity to a person, moves the person's data to the person id, and re-keys the conversation as
 * {@code channel:workspace:user}; unprocessed and processed inbox events get the same identity. Runs before the
 * application takes requests (after the beans are made, before the web server starts) and is safe to run again:
 * old-shaped documents are recognised by the recipient or inbound event having no {@code workspace}, and every step
 * skips what is already done, so a crash half-way is finished by the next start.
 */
@Component
class IdentityMigration implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(IdentityMigration.class);
    private static final String CONVERSATIONS = "conversations";
    private static final String INBOX = "inbox";
    // the web chat channel's name and its one workspace; this feature does not depend on the channel itself
    private static final String WEB = "web";
    private static final String TEAM = "team";

    private final MongoTemplate mongo;
    private final PersonDirectory directory;
    private final PersonData data;

    IdentityMigration(MongoTemplate mongo, PersonDirectory directory, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.directory = directory;
        this.data = new PersonData(mongo, events);
    }

    @Override
    public void afterSingletonsInstantiated() {
        int conversations = migrate();
        if (conversations > 0) {
            log.info("Identity migration: {} conversation(s) moved to person ids", conversations);
        }
    }

    /** Migrates what is left in the old shape; returns the number of conversations migrated. */
    int migrate() {
        List<Document> old = mongo.find(query(where("recipient").ne(null).and("recipient.workspace").exists(false)),
                Document.class, CONVERSATIONS);
        old.forEach(this::migrateConversation);
        mongo.find(query(where("inbound").ne(null).and("inbound.workspace").exists(false)), Document.class, INBOX)
                .forEach(this::migrateInboxEvent);
        return old.size();
    }

    private void migrateConversation(Document conversation) {
        Document recipient = conversation.get("recipient", Document.class);
        String oldId = conversation.getString("_id");
        String platformUser = recipient.getString("personId");
        if (platformUser == null) {
            log.warn("Conversation {} has no person to migrate; left as it is", oldId);
            return;
        }
        PlatformIdentity identity = identity(recipient.getString("channel"), platformUser,
                recipient.get("meta", Document.class));
        String personId = directory.resolve(identity);
        data.move(platformUser, personId);
        String newId = identity.key();
        Document next = new Document(conversation);
        next.put("_id", newId);
        next.put("recipient", new Document("conversationId", newId).append("channel", identity.platform())
                .append("workspace", identity.workspace()).append("userId", identity.userId())
                .append("personId", personId).append("address", address(identity, recipient.getString("address")))
                .append("meta", withoutTeam(recipient.get("meta", Document.class))));
        // message ids begin with the conversation id, which for the web chat was the session cookie
        next.put("transcript", renameMessages(conversation.getList("transcript", Document.class), oldId, newId));
        next.put("pending", renameMessages(conversation.getList("pending", Document.class), oldId, newId));
        if (mongo.findById(newId, Document.class, CONVERSATIONS) == null) {
            mongo.insert(next, CONVERSATIONS);
        }
        mongo.remove(query(where("_id").is(oldId)), CONVERSATIONS);
    }

    private void migrateInboxEvent(Document event) {
        Document inbound = event.get("inbound", Document.class);
        String platformUser = inbound.getString("personId");
        if (platformUser == null || inbound.getString("channel") == null) {
            return;
        }
        PlatformIdentity identity = identity(inbound.getString("channel"), platformUser,
                inbound.get("meta", Document.class));
        mongo.updateFirst(query(where("_id").is(event.get("_id"))), new Update()
                .set("conversationId", identity.key())
                .set("inbound.workspace", identity.workspace())
                .set("inbound.userId", identity.userId())
                .set("inbound.address", address(identity, inbound.getString("address")))
                .set("inbound.meta", withoutTeam(inbound.get("meta", Document.class)))
                .unset("inbound.personId"), INBOX);
    }

    private static PlatformIdentity identity(String channel, String platformUser, Document meta) {
        if (WEB.equals(channel)) {
            return new PlatformIdentity(WEB, WEB, SessionDigest.of(platformUser));
        }
        String workspace = meta == null ? null : meta.getString(TEAM);
        return new PlatformIdentity(channel, workspace == null ? channel : workspace, platformUser);
    }

    /** A web conversation was addressed by its session cookie; now by the digest. */
    private static String address(PlatformIdentity identity, String oldAddress) {
        return WEB.equals(identity.platform()) ? identity.userId() : oldAddress;
    }

    private static Document withoutTeam(Document meta) {
        Document next = meta == null ? new Document() : new Document(meta);
        next.remove(TEAM);
        return next;
    }

    private static List<Document> renameMessages(List<Document> entries, String oldId, String newId) {
        List<Document> renamed = new ArrayList<>();
        if (entries == null) {
            return renamed;
        }
        String oldPrefix = oldId + ":";
        for (Document entry : entries) {
            Document copy = new Document(entry);
            Document message = entry.get("message", Document.class);
            if (message != null) {
                Document renamedMessage = new Document(message);
                // an embedded record's id may be stored as "id" or "_id" depending on the mapping
                for (String key : List.of("id", "_id")) {
                    if (message.get(key) instanceof String id && id.startsWith(oldPrefix)) {
                        renamedMessage.put(key, newId + ":" + id.substring(oldPrefix.length()));
                    }
                }
                copy.put("message", renamedMessage);
            }
            copy.remove("to");
            renamed.add(copy);
        }
        return renamed;
    }
}
