package dev.trellis.storage;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, committing every change to the file before the command is answered. An acknowledged write (an
 * inbox event, a conversation turn) then survives the process being killed; H2's own background commit would hold
 * it in memory for a while. Commits are grouped by H2 itself: a command whose change was written by another command's
 * commit (they wait for the same lock) finds nothing left to write. Documents are stored as BSON
 * ({@link BsonDocumentType}).
 */
class CommittingH2Backend extends H2Backend {

    private final MVStore store;

    CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        // called from H2Backend's constructor too (for the databases in the file), before this class's fields are set
        return BsonH2Database.open(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document answer = super.handleCommand(channel, database, command, query);
        if (store.hasUnsavedChanges()) {
            store.commit();
        }
        return answer;
    }
}
