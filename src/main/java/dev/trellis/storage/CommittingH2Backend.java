package dev.trellis.storage;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * The H2 backend, committing every change to the file before the command is answered. An acknowledged write (an
 * inbox event, a conversation turn) then survives the process being killed; H2's own background commit would hold
 * it in memory for a while.
 */
class CommittingH2Backend extends H2Backend {

    private final MVStore store;

    CommittingH2Backend(MVStore store) {
        super(store);
        this.store = store;
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
