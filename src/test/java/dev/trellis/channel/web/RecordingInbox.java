package dev.trellis.channel.web;

import dev.trellis.engine.Inbound;
import dev.trellis.inbox.Inbox;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An inbox that keeps what it accepted and, like the real one, refuses a second event with the same key. */
class RecordingInbox implements Inbox {

    private final Map<String, Inbound> stored = new ConcurrentHashMap<>();

    @Override
    public Receipt accept(Inbound inbound) {
        Inbound before = stored.putIfAbsent(inbound.channel() + ":" + inbound.eventId(), inbound);
        return before == null ? Receipt.ACCEPTED : Receipt.DUPLICATE;
    }

    List<Inbound> stored() {
        return List.copyOf(stored.values());
    }

    void clear() {
        stored.clear();
    }
}
