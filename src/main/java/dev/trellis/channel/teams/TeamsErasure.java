package dev.trellis.channel.teams;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.privacy.ErasureParticipant;

/**
 * Erasure in Teams: the person's personal-chat references (what a proactive message needs, with their Teams ids)
 * and the rate windows counted for those chats. Trellis can no longer write to them first; when they write again,
 * the reference is learned again.
 */
final class TeamsErasure implements ErasureParticipant {

    private final PersonIdentities identities;
    private final MongoTemplate mongo;

    TeamsErasure(PersonIdentities identities, MongoTemplate mongo) {
        this.identities = identities;
        this.mongo = mongo;
    }

    @Override
    public String name() {
        return "teams-conversations";
    }

    @Override
    public void erase(String personId) {
        List<String> users = identities.of(personId).stream()
                .filter(identity -> identity.platform().equals(TeamsChannel.NAME)).map(PlatformIdentity::userId)
                .toList();
        if (users.isEmpty()) return;
        List<ConversationReferences.Reference> chats = mongo.find(query(where("userId").in(users)
                .and("type").is("personal")), ConversationReferences.Reference.class);
        for (ConversationReferences.Reference chat : chats) {
            mongo.remove(query(where("_id").regex("^(c1|c30|pause):" + Pattern.quote(chat.id()) + "(\\||$)")), TeamsPace.COLLECTION);
            mongo.remove(query(where("_id").is(chat.id())), ConversationReferences.COLLECTION);
        }
    }
}
