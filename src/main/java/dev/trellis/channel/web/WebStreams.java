package dev.trellis.channel.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events connections of this node, by web user (one per session cookie; a person may have several tabs open).
 * Only a live view: a message pushed while no browser listens is not lost, the page reads it from the history.
 */
@Component
class WebStreams {

    private static final Logger log = LoggerFactory.getLogger(WebStreams.class);
    // the browser reconnects by itself when a stream ends, so a finite timeout only recycles connections
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final int MAX_PER_SESSION = 8;

    private final Map<String, Set<SseEmitter>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxStreams;

    WebStreams(WebProperties properties) {
        this.maxStreams = properties.maxStreams();
    }

    /**
     * A new stream for the web user; empty when this node already holds {@code trellis.web.max-streams} (each one
     * is a held connection), and the page then polls the history instead.
     */
    Optional<SseEmitter> open(String userId) {
        if (open.incrementAndGet() > maxStreams) {
            open.decrementAndGet();
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        AtomicBoolean counted = new AtomicBoolean(true);
        Runnable release = () -> {
            if (counted.getAndSet(false)) open.decrementAndGet();
        };
        List<SseEmitter> surplus = new ArrayList<>();
        // one atomic step per user, so a stream closing at the same moment cannot drop the new one
        byUser.compute(userId, (id, emitters) -> {
            Set<SseEmitter> open = emitters == null ? ConcurrentHashMap.newKeySet() : emitters;
            if (open.size() >= MAX_PER_SESSION) {
                // more streams than anyone has tabs: end the others rather than hold connections without limit
                surplus.addAll(open);
                open.clear();
            }
            open.add(emitter);
            return open;
        });
        surplus.forEach(SseEmitter::complete);
        emitter.onCompletion(() -> {
            release.run();
            remove(userId, emitter);
        });
        emitter.onTimeout(() -> remove(userId, emitter));
        emitter.onError(error -> remove(userId, emitter));
        try {
            // sends the headers at once, so the browser knows the stream is up before the first message
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            remove(userId, emitter);
        }
        return Optional.of(emitter);
    }

    /** Ends every stream of the web user on this node (erasure: the session they belong to is gone). */
    void close(String userId) {
        Set<SseEmitter> emitters = byUser.remove(userId);
        if (emitters != null) emitters.forEach(SseEmitter::complete);
    }

    /** Sends {@code entry} to every open stream of the web user; returns how many streams took it. */
    int push(String userId, ChatEntry entry) {
        int reached = 0;
        for (SseEmitter emitter : byUser.getOrDefault(userId, Set.of())) {
            try {
                emitter.send(SseEmitter.event().id(entry.id()).data(entry, MediaType.APPLICATION_JSON));
                reached++;
            } catch (IOException | IllegalStateException e) {
                log.debug("web stream closed while sending message {}", entry.id());
                remove(userId, emitter);
            }
        }
        return reached;
    }

    /**
     * Ends every stream when the application shuts down: an open stream is an active request, and graceful
     * shutdown would otherwise wait for it until its timeout. The browsers reconnect to another node or later.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        byUser.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
        byUser.clear();
    }

    private void remove(String userId, SseEmitter emitter) {
        byUser.computeIfPresent(userId, (id, emitters) -> {
            emitters.remove(emitter);
            return emitters.isEmpty() ? null : emitters;
        });
    }
}
