package dev.trellis.engine.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The wake times this node wrote, in memory and earliest first, so that the frequent idle sweep reads only the
 * conversations that are due instead of querying all of them (the embedded MongoDB answers a query on
 * {@code wakeAt} by reading every conversation). What a node never wrote, or forgot by restarting, is found by the
 * occasional sweep over all conversations. A time here may be stale when another node wrote the conversation since:
 * the caller reads the conversation before acting on it.
 */
final class WakeTimes {

    private record At(Instant at, String id) implements Comparable<At> {
        @Override
        public int compareTo(At other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : id.compareTo(other.id);
        }
    }

    private final Map<String, Instant> byId = new ConcurrentHashMap<>();
    private final NavigableSet<At> byTime = new ConcurrentSkipListSet<>();

    /** The conversation's wake time is now {@code at}; null when it wants none. */
    void set(String id, Instant at) {
        byId.compute(id, (key, before) -> {
            if (before != null) {
                byTime.remove(new At(before, key));
            }
            if (at != null) {
                byTime.add(new At(at, key));
            }
            return at;
        });
    }

    /** Takes out up to {@code limit} conversations whose wake time is not after {@code now}, earliest first. */
    List<String> takeDue(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        for (At next : byTime) {
            if (next.at().isAfter(now) || due.size() >= limit) {
                break;
            }
            byId.computeIfPresent(next.id(), (key, at) -> {
                if (at.equals(next.at())) {
                    byTime.remove(next);
                    due.add(key);
                    return null;
                }
                return at;
            });
        }
        return due;
    }

    int size() {
        return byId.size();
    }
}
