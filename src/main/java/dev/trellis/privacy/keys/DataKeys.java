package dev.trellis.privacy.keys;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Data keys (Tink AES-256-GCM keysets) in the {@code dataKeys} collection, each stored wrapped by the master key:
 * one per person ({@code person:<personId>}) and one per day for text stored before its person is known
 * ({@code transit:<date>}). A wrapped keyset is bound to its id (the id is the wrapping's associated data), so a
 * keyset copied onto another person's record does not open. Creating a key is an insert on the unique {@code _id}:
 * two nodes racing on a new person end with one key, the loser reads the winner's.
 */
final class DataKeys {

    static final String COLLECTION = "dataKeys";
    static final String MASTER_KEY_ID = "masterKeyId";
    private static final String PERSON = "person:";
    private static final String TRANSIT = "transit:";
    private static final String ALIAS_OF = "aliasOf";

    private final MongoTemplate mongo;
    private final MasterKeys master;
    private final KeyCache cache;
    private final Clock clock;

    DataKeys(MongoTemplate mongo, MasterKeys master, KeyCache cache, Clock clock) {
        this.mongo = mongo;
        this.master = master;
        this.cache = cache;
        this.clock = clock;
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink AEAD is not available", e);
        }
    }

    /** The person's key, created on first use. */
    Aead person(String personId) {
        return cache.get(PERSON + personId, this::loadOrCreate);
    }

    /** The person's key, unless they have none (never had one, or it was destroyed). */
    Optional<Aead> existingPerson(String personId) {
        return Optional.ofNullable(cache.get(PERSON + personId, this::load));
    }

    /** The transit key of {@code day}; created on first use only when {@code create}. */
    Optional<Aead> transit(LocalDate day, boolean create) {
        return Optional.ofNullable(cache.get(TRANSIT + day, create ? this::loadOrCreate : this::load));
    }

    /**
     * Destroys the person's key (and the aliases of people linked into them): everything sealed with it, wherever a
     * copy is, cannot be read any more.
     */
    boolean destroyPerson(String personId) {
        List<String> ids = new ArrayList<>(List.of(PERSON + personId));
        mongo.find(query(where(ALIAS_OF).is(personId)), Document.class, COLLECTION)
                .forEach(alias -> ids.add(alias.getString("_id")));
        ids.forEach(cache::evict);
        return mongo.remove(query(where("_id").is(PERSON + personId)), COLLECTION).getDeletedCount()
                + mongo.remove(query(where(ALIAS_OF).is(personId)), COLLECTION).getDeletedCount() > 0;
    }

    /** Creates (if need be) and caches the transit key of {@code day} anew, so that sealing in transit reads nothing. */
    void warmTransit(LocalDate day) {
        cache.refresh(TRANSIT + day, this::loadOrCreate);
    }

    /** Destroys transit keys of days before {@code day}; returns how many. */
    long destroyTransitBefore(LocalDate day) {
        List<String> old = new ArrayList<>();
        for (Document doc : mongo.find(query(where("kind").is("transit").and("day").lt(day.toString())), Document.class,
                COLLECTION)) {
            old.add(doc.getString("_id"));
        }
        old.forEach(cache::evict);
        return old.isEmpty() ? 0 : mongo.remove(query(where("_id").in(old)), COLLECTION).getDeletedCount();
    }

    /**
     * Moves the keys of person {@code from} into {@code into}'s keyset (Tink picks the key by the ciphertext's
     * prefix), so text sealed for either opens with {@code into}'s; {@code from}'s record becomes an alias of
     * {@code into}'s (documents still naming {@code from} open too), destroyed with it.
     */
    void mergePerson(String from, String into) {
        if (from.equals(into)) {
            return;
        }
        Document fromDoc = mongo.findById(PERSON + from, Document.class, COLLECTION);
        Optional<KeysetHandle> old = fromDoc == null || fromDoc.getString(ALIAS_OF) != null ? Optional.empty()
                : Optional.of(unwrap(fromDoc));
        if (old.isEmpty()) {
            return;
        }
        person(into); // makes sure the target exists
        Document target = mongo.findById(PERSON + into, Document.class, COLLECTION);
        KeysetHandle merged = merge(unwrap(target), old.get());
        mongo.updateFirst(query(where("_id").is(PERSON + into).and(MASTER_KEY_ID).is(target.getString(MASTER_KEY_ID))),
                new Update().set("keyset", new Binary(wrap(merged, PERSON + into, master.current())))
                        .set(MASTER_KEY_ID, master.current().id()), COLLECTION);
        cache.evict(PERSON + into);
        cache.evict(PERSON + from);
        mongo.save(new Document("_id", PERSON + from).append("kind", "alias").append(ALIAS_OF, into)
                .append("personId", from).append("createdAt", clock.instant()), COLLECTION);
    }

    /** Rewraps every key wrapped by {@code from} with {@code to}; safe to repeat. Returns how many were rewrapped. */
    int rewrap(MasterKey from, MasterKey to) {
        int done = 0;
        for (Document doc : mongo.find(query(where(MASTER_KEY_ID).is(from.id())), Document.class, COLLECTION)) {
            String id = doc.getString("_id");
            KeysetHandle handle = unwrap(doc, from);
            done += (int) mongo.updateFirst(query(where("_id").is(id).and(MASTER_KEY_ID).is(from.id())),
                    new Update().set("keyset", new Binary(wrap(handle, id, to))).set(MASTER_KEY_ID, to.id()),
                    COLLECTION).getModifiedCount();
        }
        cache.clear();
        return done;
    }

    private Aead loadOrCreate(String id) {
        Aead existing = load(id);
        if (existing != null) {
            return existing;
        }
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Document doc = new Document("_id", id).append("keyset", new Binary(wrap(handle, id, master.current())))
                    .append(MASTER_KEY_ID, master.current().id()).append("createdAt", clock.instant());
            if (id.startsWith(PERSON)) {
                doc.append("kind", "person").append("personId", id.substring(PERSON.length()));
            } else {
                doc.append("kind", "transit").append("day", id.substring(TRANSIT.length()));
            }
            mongo.insert(doc, COLLECTION);
            return primitive(handle);
        } catch (DuplicateKeyException raced) {
            return load(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot create a data key", e);
        }
    }

    private Aead load(String id) {
        return handle(id).map(DataKeys::primitive).orElse(null);
    }

    private Optional<KeysetHandle> handle(String id) {
        Document doc = mongo.findById(id, Document.class, COLLECTION);
        if (doc != null && doc.getString(ALIAS_OF) != null) {
            doc = mongo.findById(PERSON + doc.getString(ALIAS_OF), Document.class, COLLECTION);
        }
        return Optional.ofNullable(doc).map(this::unwrap);
    }

    private KeysetHandle unwrap(Document doc) {
        return unwrap(doc, master.forId(doc.getString(MASTER_KEY_ID)));
    }

    private static KeysetHandle unwrap(Document doc, MasterKey key) {
        String id = doc.getString("_id");
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(doc.get("keyset", Binary.class).getData(), key.aead(),
                    id.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Data key " + id + " does not open with master key " + key.id(), e);
        }
    }

    private static byte[] wrap(KeysetHandle handle, String id, MasterKey key) {
        try {
            return TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, key.aead(),
                    id.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot wrap data key " + id, e);
        }
    }

    private static KeysetHandle merge(KeysetHandle into, KeysetHandle from) {
        try {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(into);
            for (int i = 0; i < from.size(); i++) {
                KeysetHandle.Entry entry = from.getAt(i);
                builder.addEntry(KeysetHandle.importKey(entry.getKey()).withFixedId(entry.getId()).setStatus(
                        entry.getStatus()));
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot merge data keys", e);
        }
    }

    private static Aead primitive(KeysetHandle handle) {
        try {
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot use a data key", e);
        }
    }
}
