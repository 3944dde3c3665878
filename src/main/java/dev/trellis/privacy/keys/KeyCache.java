package dev.trellis.privacy.keys;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.google.crypto.tink.Aead;

/**
 * Unwrapped data keys in memory: at most {@code size} (least recently used go first), each for at most {@code ttl}
 * (so a key destroyed by another node's erasure stops being used here soon after). Unwrapping is an AEAD decryption
 * plus a keyset parse: cheap, but not free on every message.
 */
final class KeyCache {

    private record Entry(Aead aead, Instant loadedAt) {
    }

    private final Map<String, Entry> entries;
    private final Duration ttl;
    private final Clock clock;

    KeyCache(int size, Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    /** The cached key, or {@code load}'s (cached when not null). The load runs outside the lock. */
    Aead get(String id, Function<String, Aead> load) {
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(id);
            if (entry != null && entry.loadedAt().plus(ttl).isAfter(now)) {
                return entry.aead();
            }
        }
        Aead loaded = load.apply(id);
        if (loaded != null) {
            synchronized (entries) {
                entries.put(id, new Entry(loaded, now));
            }
        }
        return loaded;
    }

    /** Loads the key again and caches it, whatever is cached: keeps a key that must never be loaded on a hot path fresh. */
    void refresh(String id, Function<String, Aead> load) {
        Aead loaded = load.apply(id);
        if (loaded != null) {
            synchronized (entries) {
                entries.put(id, new Entry(loaded, clock.instant()));
            }
        }
    }

    void evict(String id) {
        synchronized (entries) {
            entries.remove(id);
        }
    }

    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
