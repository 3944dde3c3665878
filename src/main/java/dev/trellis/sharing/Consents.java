package dev.trellis.sharing;

import java.time.Instant;
import java.util.List;

/** The consents people gave to share their items; ids, kinds and times only, never an item's text. */
public interface Consents {

    /** The consents kept in MongoDB's {@code consents} collection (the application's bean; tests build their own). */
    static Consents in(org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new MongoConsents(mongo);
    }

    /**
     * Records that {@code personId} shares {@code item} with {@code audience} from {@code at}, under {@code id}. Doing
     * it again with the same id, or for an item already shared with that audience, changes nothing.
     */
    void give(String id, String personId, SharedItem item, Audience audience, Instant at);

    /** The person's consents still in force, oldest first. */
    List<Consent> active(String personId);

    /** Every consent the person gave, withdrawn ones included, oldest first (for their export). */
    List<Consent> all(String personId);

    /**
     * Withdraws the person's active consent {@code consentId} at {@code at}; returns whether there was one. A consent
     * id of another person withdraws nothing.
     */
    boolean withdraw(String personId, String consentId, Instant at);

    /** Withdraws every active consent of the person; returns how many. */
    int withdrawAll(String personId, Instant at);

    /** Removes every consent record of the person; returns how many. */
    long forget(String personId);
}
