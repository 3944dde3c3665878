package dev.trellis.channel.slack;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.trellis.engine.Inbound;
import dev.trellis.inbox.Inbox;

/** An inbox that keeps what it accepted, de-duplicating on channel + event id like the real one. */
final class RecordingInbox implements Inbox {

    private final Map<String, Inbound> byKey = new ConcurrentHashMap<>();
    private final List<Inbound> accepted = new CopyOnWriteArrayList<>();
    private final List<Inbound> duplicates = new CopyOnWriteArrayList<>();

    @Override
    public Receipt accept(Inbound inbound) {
        if (byKey.putIfAbsent(inbound.channel() + ":" + inbound.eventId(), inbound) != null) {
            duplicates.add(inbound);
            return Receipt.DUPLICATE;
        }
        accepted.add(inbound);
        return Receipt.ACCEPTED;
    }

    List<Inbound> accepted() {
        return List.copyOf(accepted);
    }

    List<Inbound> duplicates() {
        return List.copyOf(duplicates);
    }

    void clear() {
        byKey.clear();
        accepted.clear();
        duplicates.clear();
    }
}
