package dev.trellis.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dev.trellis.coaching.PersonalData;
import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.flow.MessageBundle;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.scheduling.Reminders;
import dev.trellis.scheduling.ScheduledReminder;

/**
 * {@code /coach export}: everything Trellis keeps about one person, as one JSON file (complete, for machines) and a
 * Markdown summary (for reading): profile, identity links, coaching records (goals, check-ins, wheels, plans, 1:1
 * series, feedback, recognition, peer sessions, session notes), every conversation's history and where it stands,
 * scheduled reminders, and what each {@link ExportParticipant} adds (consents, shares, keys). Texts are opened (the
 * person reads their own words); charts are listed without their image bytes.
 *
 * <p>A prepared export waits in {@code exports} under a random 128-bit id for {@code trellis.privacy.export-life}
 * (one hour), and is only ever handed to its own person: {@link #find} checks the owner, so an id alone opens
 * nothing. Erasure and the retention sweep remove it.
 */
@Service
public class PersonalExport {

    static final String COLLECTION = "exports";
    private static final JsonWriterSettings JSON = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED)
            .indent(true).build();

    /** A prepared export: the JSON file and the Markdown summary, with their file names. */
    public record Files(String id, String jsonName, byte[] json, String markdownName, byte[] markdown) {
    }

    private final MongoTemplate mongo;
    private final PersonalData coaching;
    private final PersonIdentities identities;
    private final Conversations conversations;
    private final Reminders reminders;
    private final ObjectProvider<ExportParticipant> participants;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final ObjectProvider<MessageBundle> messages;
    private final SecureRandom random = new SecureRandom();

    PersonalExport(MongoTemplate mongo, PersonalData coaching, PersonIdentities identities,
                   Conversations conversations, Reminders reminders, ObjectProvider<ExportParticipant> participants,
                   PrivacyProperties properties, Clock clock, ObjectProvider<MessageBundle> messages) {
        this.mongo = mongo;
        this.coaching = coaching;
        this.identities = identities;
        this.conversations = conversations;
        this.reminders = reminders;
        this.participants = participants;
        this.properties = properties;
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * Gathers and stores the person's export; returns its id. The same {@code key} again (a turn applied twice)
     * returns the export already prepared under it.
     */
    public String prepare(String personId, String key) {
        return prepare(personId, key, "en");
    }

    /** As {@link #prepare(String, String)}, with the readable summary's headings in {@code locale}. */
    public String prepare(String personId, String key, String locale) {
        Document earlier = key == null ? null : mongo.findOne(query(where("personId").is(personId).and("key").is(key)),
                Document.class, COLLECTION);
        if (earlier != null) return earlier.getString("_id");
        Instant now = clock.instant();
        Document all = gather(personId, now);
        String id = newId();
        mongo.insert(new Document("_id", id).append("personId", personId).append("key", key).append("createdAt", now)
                .append("expiresAt", now.plus(properties.exportLife())).append("json", all.toJson(JSON))
                .append("markdown", Markdown.of(all, word -> word(locale, word))), COLLECTION);
        return id;
    }

    private Optional<String> word(String locale, String key) {
        MessageBundle bundle = messages.getIfAvailable();
        List<String> variants = bundle == null ? List.of() : bundle.variants(locale, "export.markdown." + key);
        return variants.stream().findFirst();
    }

    /** The export {@code id} if it exists, has not expired and belongs to {@code personId}; empty otherwise. */
    public Optional<Files> find(String id, String personId) {
        if (id == null || personId == null) return Optional.empty();
        Document stored = mongo.findOne(query(where("_id").is(id).and("personId").is(personId)), Document.class,
                COLLECTION);
        if (stored == null || stored.getDate("expiresAt").toInstant().isBefore(clock.instant())) {
            return Optional.empty();
        }
        String day = stored.getDate("createdAt").toInstant().toString().substring(0, 10);
        return Optional.of(new Files(id, "trellis-export-" + day + ".json",
                stored.getString("json").getBytes(StandardCharsets.UTF_8), "trellis-export-" + day + ".md",
                stored.getString("markdown").getBytes(StandardCharsets.UTF_8)));
    }

    /** Everything about the person, as one document (the JSON file's content). */
    Document gather(String personId, Instant now) {
        Document all = new Document("exportedAt", Date.from(now)).append("personId", personId);
        Map<String, List<Document>> records = coaching.export(personId);
        List<Document> people = records.remove("people");
        all.append("profile", people == null || people.isEmpty() ? null : people.get(0));
        all.append("identities", identities.links(personId));
        all.append("coaching", new Document(new LinkedHashMap<>(records)));
        List<Document> chats = new ArrayList<>();
        for (PlatformIdentity identity : identities.of(personId)) {
            String id = identity.key();
            Optional<ConversationState> state = conversations.state(id);
            if (state.isEmpty()) continue;
            Document chat = new Document("conversation", id).append("channel", identity.platform());
            ConversationState s = state.get();
            chat.append("status", s.status() == null ? null : s.status().name()).append("flow", s.flowId())
                    .append("step", s.stepId()).append("answers", plain(s.vars()));
            List<Document> history = new ArrayList<>();
            for (TranscriptEntry entry : conversations.transcript(id)) {
                boolean in = entry.direction() == TranscriptEntry.Direction.IN;
                history.add(new Document("at", entry.at() == null ? null : Date.from(entry.at()))
                        .append("from", in ? "you" : "trellis")
                        .append("text", in ? entry.text() : entry.message() == null ? null : entry.message().text()));
            }
            chats.add(chat.append("history", history));
        }
        all.append("conversations", chats);
        List<Document> scheduled = new ArrayList<>();
        for (ScheduledReminder reminder : reminders.list(personId)) {
            scheduled.add(new Document("name", reminder.name()).append("flow", reminder.flowId())
                    .append("next", reminder.next() == null ? null : Date.from(reminder.next()))
                    .append("paused", reminder.paused()));
        }
        all.append("reminders", scheduled);
        Document more = new Document();
        participants.orderedStream().forEach(p -> more.append(p.name(), plain(p.export(personId))));
        all.append("more", more);
        return all;
    }

    /** A value as the JSON writer takes it: maps, lists, strings, numbers, booleans and dates; anything else as text. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Date) {
            return value;
        }
        if (value instanceof Instant instant) return Date.from(instant);
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((k, v) -> document.append(String.valueOf(k), plain(v)));
            return document;
        }
        if (value instanceof Iterable<?> items) {
            List<Object> list = new ArrayList<>();
            items.forEach(item -> list.add(plain(item)));
            return list;
        }
        return String.valueOf(value);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
