package dev.trellis.engine.store;

import dev.trellis.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.stream.IntStream;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

/** Delivering a conversation's messages: two nodes at once, pacing, a lost lease, an outage. */
@SpringBootTest(properties = "trellis.conversations.redelivery-interval=1h")
class OutboxTest {

    private static final ConversationProperties PROPERTIES = new ConversationProperties(200, 5,
            Duration.ofSeconds(30), Duration.ofSeconds(5));
    private static final OutboxProperties BUDGET = new OutboxProperties(Duration.ofHours(2), Duration.ofHours(1),
            Duration.ofHours(24));

    @Autowired
    ConversationStore conversations;

    @Autowired
    OutboxStore store;

    @Autowired
    TextSealing sealing;

    @Autowired
    Clock clock;

    /** A platform: remembers every message it got, answering as {@code answer} says. */
    static class Platform implements OutboundChannel {
        final List<String> received = new CopyOnWriteArrayList<>();
        final String name;
        volatile Function<Integer, Delivery> answer = calls -> new Delivery.Sent("ts-" + calls);

        Platform(String name) {
            this.name = name;
        }

        @Override
        public String channel() {
            return name;
        }

        @Override
        public Delivery deliver(Recipient to, Outbound message) {
            received.add(message.id());
            return answer.apply(received.size());
        }
    }

    @Test
    void twoSendersTogetherDeliverEachMessageOnceAndInOrder() throws Exception {
        Platform platform = new Platform("race");
        String id = conversation("race", 30);
        Outbox nodeA = outbox(platform, clock);
        Outbox nodeB = outbox(platform, clock);

        CountDownLatch go = new CountDownLatch(1);
        var a = CompletableFuture.runAsync(() -> awaitThen(go, () -> nodeA.deliver(id)));
        var b = CompletableFuture.runAsync(() -> awaitThen(go, () -> nodeB.deliver(id)));
        go.countDown();
        CompletableFuture.allOf(a, b).get();
        nodeA.deliver(id); // whatever one node left while the other held the lease

        assertThat(platform.received).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 30).mapToObj(i -> id + ":" + i).toList());
        assertThat(conversations.find(id).orElseThrow().pending())
                .allSatisfy(message -> assertThat(message.status()).isEqualTo(PendingMessage.Status.SENT));
    }

    @Test
    void deliveringLeavesTheVersionATurnChecksAlone() {
        Platform platform = new Platform("version");
        String id = conversation("version", 3);
        Long before = conversations.find(id).orElseThrow().version();

        outbox(platform, clock).deliver(id);

        ConversationDocument after = conversations.find(id).orElseThrow();
        assertThat(after.pending()).allSatisfy(m -> assertThat(m.status()).isEqualTo(PendingMessage.Status.SENT));
        assertThat(after.version()).isEqualTo(before);
        assertThat(after.sendOwner()).isNull();
    }

    @Test
    void aSenderWhoseLeaseWasTakenOverRecordsNothing() {
        String id = conversation("lease", 1);
        Instant now = clock.instant();
        ConversationDocument slow = store.lease(id, "slow-node", now, now.plusSeconds(30)).orElseThrow();
        String message = slow.pending().get(0).id();

        ConversationDocument quick = store.lease(id, "quick-node", now.plusSeconds(31), now.plusSeconds(61))
                .orElseThrow();
        assertThat(store.markSent(id, "quick-node", message, 1, "ts-quick")).isTrue();
        assertThat(store.markRetry(id, "slow-node", message, 1, now.plusSeconds(60), "timeout")).isFalse();
        store.release(id, "slow-node");

        ConversationDocument stored = conversations.find(id).orElseThrow();
        assertThat(quick.sendOwner()).isEqualTo("quick-node");
        assertThat(stored.sendOwner()).isEqualTo("quick-node");
        assertThat(stored.pending().get(0).status()).isEqualTo(PendingMessage.Status.SENT);
        assertThat(stored.pending().get(0).platformRef()).isEqualTo("ts-quick");
    }

    @Test
    void pacedMessageIsNeverGivenUpForWaiting() {
        Platform platform = new Platform("paced");
        platform.answer = calls -> calls <= 12 ? new Delivery.Paced(Duration.ZERO, "rate limited")
                : new Delivery.Sent("ts");
        String id = conversation("paced", 1);
        Outbox outbox = outbox(platform, clock);

        outbox.deliver(id);

        await().atMost(Duration.ofSeconds(10)).until(() -> platform.received.size() == 13);
        // the 13th call is counted before its result is written
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(conversations.find(id).orElseThrow()
                .pending()).singleElement().satisfies(m -> assertThat(m.status()).isEqualTo(PendingMessage.Status.SENT)));
    }

    @Test
    void pacedMessageGoesOutWhenItsSlotComesNotAtTheNextPoll() {
        Platform platform = new Platform("slot");
        platform.answer = calls -> calls == 1 ? new Delivery.Paced(Duration.ofMillis(300), "paced")
                : new Delivery.Sent("ts");
        String id = conversation("slot", 1);

        outbox(platform, clock).deliver(id); // the poller runs hourly in this test

        await().atMost(Duration.ofSeconds(3)).until(() -> platform.received.size() == 2);
        await().atMost(Duration.ofSeconds(3)).until(() -> conversations.find(id).orElseThrow().pending().get(0)
                .status() == PendingMessage.Status.SENT);
    }

    @Test
    void anHourLongOutageLosesNothingAndALongerOneFailsThenARescanSendsIt() {
        Platform platform = new Platform("outage");
        platform.answer = calls -> new Delivery.RetryLater(Duration.ofMinutes(5), "service_unavailable");
        MutableClock time = new MutableClock(clock.instant());
        String id = conversation("outage", 1);
        Outbox outbox = outbox(platform, time);

        outbox.deliver(id);
        time.advance(Duration.ofHours(1));
        outbox.redeliverDue();
        assertThat(conversations.find(id).orElseThrow().pending().get(0).status())
                .isEqualTo(PendingMessage.Status.PENDING);

        time.advance(Duration.ofHours(1));
        outbox.redeliverDue();
        PendingMessage failed = conversations.find(id).orElseThrow().pending().get(0);
        assertThat(failed.status()).isEqualTo(PendingMessage.Status.FAILED);
        assertThat(failed.failure()).isEqualTo("service_unavailable");

        platform.answer = calls -> new Delivery.Sent("ts-back");
        time.advance(Duration.ofHours(1));
        outbox.redeliverDue();
        PendingMessage sent = conversations.find(id).orElseThrow().pending().get(0);
        assertThat(sent.status()).isEqualTo(PendingMessage.Status.SENT);
        assertThat(sent.platformRef()).isEqualTo("ts-back");
        assertThat(platform.received).hasSize(4);
    }

    private String conversation(String channel, int messages) {
        String id = channel + ":" + System.nanoTime();
        Instant now = clock.instant();
        List<PendingMessage> pending = new ArrayList<>();
        List<TranscriptEntry> transcript = new ArrayList<>();
        IntStream.rangeClosed(1, messages).forEach(i -> {
            Outbound message = Outbound.text(id + ":" + i, "line " + i);
            pending.add(PendingMessage.pending(Integer.toString(i), message, now, null));
            transcript.add(TranscriptEntry.out(i, message, now));
        });
        conversations.save(new ConversationDocument(id, null,
                ConversationState.idle(ConversationState.Profile.DEFAULT),
                new Recipient(id, channel, "w", "ana", "person-ana", "dm", null), pending, transcript,
                (long) messages, List.of(), null,
                null, null, now));
        return id;
    }

    private Outbox outbox(Platform platform, Clock clock) {
        var meters = new StaticListableBeanFactory();
        meters.addBean("meters", new SimpleMeterRegistry());
        return new Outbox(store, sealing, List.of(platform), PROPERTIES, BUDGET,
                new OutboxMetrics(meters.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class)), clock);
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
