package dev.trellis.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.trellis.coaching.PersonalData;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.Redacted;
import dev.trellis.flow.MessageBundle;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.scheduling.Reminders;

/**
 * {@code /coach delete-my-data}: erases everything Trellis keeps about one person, in every chat they linked.
 *
 * <p>Order matters. First a tombstone per identity, so an event still in flight or a platform's late retry cannot
 * recreate the person while (or after) the rest goes; then the {@link ErasureParticipant}s, while the person's
 * identity links still exist for them to look up; then every store: conversations (state, transcript, pending
 * messages), inbox events and lanes, sent-message records, coaching records and charts, reminders (Quartz jobs,
 * triggers, job data, their log and time settings), identity links and link codes, pending exports; then a last
 * note to the chat the request came from, and a second pass over the stores that note may have touched. Last, an
 * audit record that keeps only that an erasure happened, when, and a pseudonym of the person id.
 *
 * <p>Idempotent: a request is kept until its erasure finished, and the retention sweep takes up one that failed.
 */
@Service
public class Erasure {

    private static final Logger log = LoggerFactory.getLogger(Erasure.class);

    static final String REQUESTS = "erasureRequests";
    static final String AUDIT = "audit";

    private final MongoTemplate mongo;
    private final PersonIdentities identities;
    private final PersonalData coaching;
    private final Reminders reminders;
    private final Tombstones tombstones;
    private final Pseudonyms pseudonyms;
    private final ObjectProvider<ErasureParticipant> participants;
    private final ObjectProvider<OutboundChannel> channels;
    private final MessageBundle messages;
    private final Clock clock;

    Erasure(MongoTemplate mongo, PersonIdentities identities, PersonalData coaching, Reminders reminders,
            Tombstones tombstones, Pseudonyms pseudonyms, ObjectProvider<ErasureParticipant> participants,
            ObjectProvider<OutboundChannel> channels, MessageBundle messages, Clock clock) {
        this.mongo = mongo;
        this.identities = identities;
        this.coaching = coaching;
        this.reminders = reminders;
        this.tombstones = tombstones;
        this.pseudonyms = pseudonyms;
        this.participants = participants;
        this.channels = channels;
        this.messages = messages;
        this.clock = clock;
    }

    /** Records that the person confirmed; the erasure itself runs once the confirming turn is stored. */
    void request(String personId, String conversationId, Instant at) {
        mongo.upsert(query(where("_id").is(personId)), new Update().setOnInsert("conversationId", conversationId)
                .setOnInsert("requestedAt", at), REQUESTS);
    }

    /** Erases the person if they asked for it and it has not happened yet; returns whether it ran. */
    boolean eraseRequested(String personId) {
        Document request = mongo.findById(personId, Document.class, REQUESTS);
        if (request == null) return false;
        erase(personId, request.getString("conversationId"));
        return true;
    }

    /** Erasures that were asked for at or before {@code before} and have not finished (a crash, a store outage). */
    List<String> unfinished(Instant before) {
        return mongo.find(query(where("requestedAt").lte(before)), Document.class, REQUESTS).stream()
                .map(doc -> doc.getString("_id")).toList();
    }

    /**
     * Erases everything about {@code personId}. {@code farewellConversation}, when it names one of the person's
     * conversations, gets one last message saying it is done. Returns what was removed, by store (counts only).
     */
    public Map<String, Long> erase(String personId, String farewellConversation) {
        Instant at = clock.instant();
        // the identities are kept with the request first: an erasure that stops half-way (after the links went)
        // still knows every conversation when it is taken up again
        Document request = mongo.findById(personId, Document.class, REQUESTS);
        List<String> conversations = new ArrayList<>(request == null ? List.of()
                : request.getList("conversations", String.class, List.of()));
        identities.of(personId).stream().map(PlatformIdentity::key).filter(key -> !conversations.contains(key))
                .forEach(conversations::add);
        mongo.upsert(query(where("_id").is(personId)), new Update().set("conversations", conversations)
                .setOnInsert("requestedAt", at), REQUESTS);
        List<PlatformIdentity> linked = conversations.stream().map(Erasure::identity).toList();
        Recipient farewell = farewellConversation != null && conversations.contains(farewellConversation)
                ? home(farewellConversation).orElse(null) : null;

        for (PlatformIdentity identity : linked) {
            tombstones.lay(identity, at, inboxKeys(identity.key()));
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (ErasureParticipant participant : participants.orderedStream().toList()) {
            participant.erase(personId);
            names.add(participant.name());
        }
        stores(personId, conversations, removed);
        if (farewell != null) {
            sayFarewell(farewell);
            stores(personId, conversations, removed); // what delivering the note recorded
        }
        mongo.remove(query(where("_id").is(personId)), REQUESTS);
        mongo.insert(new Document("_id", UUID.randomUUID().toString()).append("type", "erasure").append("at", at)
                .append("subject", pseudonyms.of(personId)).append("identities", linked.size())
                .append("participants", names), AUDIT);
        log.info("Erasure done: {} identities, {} records, participants {}", linked.size(),
                removed.values().stream().mapToLong(Long::longValue).sum(), names);
        return removed;
    }

    /** A conversation id is the identity's key, {@code platform:workspace:userId} (a Teams user id may hold colons). */
    private static PlatformIdentity identity(String key) {
        String[] parts = key.split(":", 3);
        return new PlatformIdentity(parts[0], parts.length > 1 ? parts[1] : "", parts.length > 2 ? parts[2] : "");
    }

    private void stores(String personId, List<String> conversations, Map<String, Long> removed) {
        count(removed, "conversations", mongo.remove(query(where("_id").in(conversations)), "conversations")
                .getDeletedCount());
        // the conversation's events and its lane (the order they wait in), both named by the conversation id
        count(removed, "inbox", mongo.remove(query(where("conversationId").in(conversations)), "inbox")
                .getDeletedCount());
        count(removed, "outboxDue", mongo.remove(query(where("_id").in(conversations)), "outboxDue")
                .getDeletedCount());
        count(removed, "platformMessages", mongo.remove(query(where("conversationId").in(conversations)),
                "platformMessages").getDeletedCount());
        count(removed, "exports", mongo.remove(query(where("personId").is(personId)), PersonalExport.COLLECTION)
                .getDeletedCount());
        count(removed, "coaching", coaching.erase(personId));
        count(removed, "reminders", reminders.cancelAll(personId));
        count(removed, "identities", identities.forget(personId));
    }

    private static void count(Map<String, Long> removed, String store, long n) {
        removed.merge(store, n, Long::sum);
    }

    /** The keys ({@code channel:eventId}) of the events the conversation still has in the inbox or remembers. */
    private List<String> inboxKeys(String conversationId) {
        List<String> keys = new ArrayList<>();
        Document conversation = mongo.findById(conversationId, Document.class, "conversations");
        if (conversation != null) {
            keys.addAll(conversation.getList("recentEvents", String.class, List.of()));
        }
        // events carry what was received; the conversation's lane in the same collection carries none
        mongo.find(query(where("conversationId").is(conversationId).and("inbound").exists(true)), Document.class,
                "inbox").forEach(event -> keys.add(event.getString("_id")));
        return keys;
    }

    /** Where the conversation lives (its private home), read before it goes. */
    private Optional<Recipient> home(String conversationId) {
        Document conversation = mongo.findById(conversationId, Document.class, "conversations");
        if (conversation == null || !(conversation.get("recipient") instanceof Document recipient)) {
            return Optional.empty();
        }
        return Optional.of(mongo.getConverter().read(Recipient.class, recipient));
    }

    /** One last note, sent straight to the platform: nothing of the conversation is left to hold it. */
    private void sayFarewell(Recipient to) {
        OutboundChannel channel = channels.orderedStream().filter(c -> c.channel().equals(to.channel())).findFirst()
                .orElse(null);
        if (channel == null) return;
        List<String> text = messages.variants("en", "privacy.erased");
        Outbound note = Outbound.text("erased-" + UUID.randomUUID(), text.isEmpty()
                ? "Done: everything Trellis kept about you has been erased." : text.get(0));
        try {
            Delivery delivery = channel.deliver(to, note);
            if (!(delivery instanceof Delivery.Sent)) {
                log.info("Erasure note to conversation of channel {} not delivered: {}", to.channel(),
                        delivery.getClass().getSimpleName());
            }
        } catch (RuntimeException e) {
            log.warn("Erasure note to a conversation of channel {} failed", to.channel(), Redacted.of(e));
        }
    }
}
