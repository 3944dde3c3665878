package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Two nodes delivering the same conversation's messages at once. */
@SpringBootTest
class OutboxTest {

    @Autowired
    ConversationStore store;

    @Autowired
    TextSealing sealing;

    @Autowired
    Clock clock;

    /** A platform: remembers every message it got. */
    static class Platform implements OutboundChannel {
        final List<String> received = new CopyOnWriteArrayList<>();

        @Override
        public String channel() {
            return "race";
        }

        @Override
        public Delivery deliver(Recipient to, Outbound message) {
            received.add(message.id());
            return new Delivery.Sent("ts-" + message.id());
        }
    }

    @Test
    void twoSendersTogetherDeliverEachMessageOnceAndInOrder() throws Exception {
        String id = "race:" + System.nanoTime();
        Instant now = clock.instant();
        List<PendingMessage> pending = new ArrayList<>();
        List<TranscriptEntry> transcript = new ArrayList<>();
        IntStream.rangeClosed(1, 30).forEach(i -> {
            Outbound message = Outbound.text(id + ":" + i, "line " + i);
            pending.add(PendingMessage.pending(Integer.toString(i), message, now, null));
            transcript.add(TranscriptEntry.out(i, message, now));
        });
        store.save(new ConversationDocument(id, null, ConversationState.idle(ConversationState.Profile.DEFAULT),
                new Recipient(id, "race", "w", "ana", "person-ana", "dm", null), pending, transcript, 30L, List.of(), null, null,
                now));
        Platform platform = new Platform();
        var properties = new ConversationProperties(200, 5, 10, Duration.ofSeconds(30), Duration.ofSeconds(5));
        Outbox nodeA = new Outbox(store, sealing, List.of(platform), properties, clock);
        Outbox nodeB = new Outbox(store, sealing, List.of(platform), properties, clock);

        CountDownLatch go = new CountDownLatch(1);
        var a = CompletableFuture.runAsync(() -> awaitThen(go, () -> nodeA.deliver(id)));
        var b = CompletableFuture.runAsync(() -> awaitThen(go, () -> nodeB.deliver(id)));
        go.countDown();
        CompletableFuture.allOf(a, b).get();
        nodeA.deliver(id); // whatever one node left while the other held the lease

        assertThat(platform.received).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(i -> id + ":" + i).toList());
        assertThat(store.find(id).orElseThrow().pending())
                .allSatisfy(message -> assertThat(message.status()).isEqualTo(PendingMessage.Status.SENT));
    }

    @Test
    void pacedMessageIsNeverGivenUpForWaiting() {
        String id = "paced:" + System.nanoTime();
        Instant now = clock.instant();
        Outbound message = Outbound.text(id + ":1", "hello");
        store.save(new ConversationDocument(id, null, ConversationState.idle(ConversationState.Profile.DEFAULT),
                new Recipient(id, "paced", "w", "ana", "person-ana", "dm", null), List.of(PendingMessage.pending("1", message, now, null)),
                List.of(TranscriptEntry.out(1, message, now)), 1L, List.of(), null, null, now));
        List<String> calls = new CopyOnWriteArrayList<>();
        OutboundChannel rateLimited = new OutboundChannel() {
            public String channel() {
                return "paced";
            }

            public Delivery deliver(Recipient to, Outbound m) {
                calls.add(m.id());
                return calls.size() <= 12 ? new Delivery.Paced(Duration.ZERO, "rate limited") : new Delivery.Sent("ts");
            }
        };
        var properties = new ConversationProperties(200, 5, 3, Duration.ofSeconds(30), Duration.ofSeconds(5));
        Outbox outbox = new Outbox(store, sealing, List.of(rateLimited), properties, clock);

        for (int i = 0; i < 13; i++) outbox.deliver(id);

        assertThat(calls).hasSize(13);
        assertThat(store.find(id).orElseThrow().pending()).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(PendingMessage.Status.SENT));
    }

    private static void awaitThen(CountDownLatch go, Runnable work) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        work.run();
    }
}
