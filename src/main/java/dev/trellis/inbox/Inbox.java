package dev.trellis.inbox;

import dev.trellis.engine.Inbound;

/** Where channels hand in events. */
public interface Inbox {

    /**
     * Stores the event durably and schedules its processing. Returns once the store acknowledged the write, so the
     * caller may acknowledge the platform. A second event with the same channel and event id is a duplicate: it is
     * not stored again and will not be processed again.
     */
    Receipt accept(Inbound inbound);

    enum Receipt { ACCEPTED, DUPLICATE }
}
