package dev.trellis.storage;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/** H2's database with the collections' documents stored as BSON ({@link BsonDocumentType}); the maps keep their names. */
final class BsonH2Database {

    private BsonH2Database() {
    }

    static MongoDatabase open(String name, MVStore store, CursorRegistry cursors) {
        // an anonymous class, not a field: H2Database's constructor already opens collections, before a subclass's
        // fields are assigned; the captured store is assigned before the super constructor runs
        return new H2Database(name, store, cursors) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType()));
                MVMap<String, Object> meta = store.openMap("meta." + namespace);
                return new H2Collection(this, collectionName, options, documents, meta, cursorRegistry);
            }
        };
    }
}
