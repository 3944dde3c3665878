package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@SpringBootTest(properties = "trellis.conversations.redelivery-interval=100ms")
@ExtendWith(OutputCaptureExtension.class)
class InboxProcessingTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @TestConfiguration
    static class Channels {
        @Bean
        TestChannel testChannel() {
            return new TestChannel(Duration.ofMillis(50));
        }

        @Bean
        @Primary
        FreeTextCodec sealingCodec() {
            return new SealingCodec();
        }

        @Bean
        EffectLog effectLog() {
            return new EffectLog();
        }
    }

    /** What other features would hear about turns. */
    static class EffectLog {
        final List<TurnEffect> heard = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TurnEffect effect) {
            heard.add(effect);
        }
    }

    @Autowired
    Inbox inbox;

    @Autowired
    Conversations conversations;

    @Autowired
    TestChannel channel;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EffectLog effects;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void retriedPlatformEventIsStoredOnceAndAnsweredOnce() {
        String person = person();
        Inbound hello = said(person, "evt-1", "hello there");

        assertThat(inbox.accept(hello)).isEqualTo(Inbox.Receipt.ACCEPTED);
        assertThat(inbox.accept(hello)).isEqualTo(Inbox.Receipt.DUPLICATE);
        awaitProcessed(hello);

        assertThat(mongo.count(Query.query(Criteria.where("inbound.eventId").is(hello.eventId())), "inbox"))
                .isEqualTo(1);
        assertThat(typed(hello.conversationId())).containsExactly("hello there");
        awaitAllSent(hello.conversationId());
        assertThat(channel.sentTo(hello.conversationId())).hasSize(replies(hello.conversationId()).size())
                .isNotEmpty();
    }

    @Test
    void oneConversationsEventsAreProcessedInTheOrderTheyArrived() throws Exception {
        String person = person();
        ExecutorService others = Executors.newFixedThreadPool(3);
        List<Future<?>> noise = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String other = person();
            noise.add(others.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    inbox.accept(said(other, "n" + i, "noise " + i));
                }
            }));
        }
        List<String> texts = new ArrayList<>();
        Inbound last = null;
        for (int i = 1; i <= 15; i++) {
            texts.add("message " + i);
            last = said(person, "e" + i, "message " + i);
            inbox.accept(last);
        }
        for (Future<?> f : noise) {
            f.get();
        }
        others.shutdown();
        awaitProcessed(last);

        assertThat(typed(last.conversationId())).containsExactlyElementsOf(texts);
    }

    @Test
    void repliesAreDeliveredThroughTheChannelAndMarkedSent() {
        Inbound menu = command(person(), "c1", "menu");

        inbox.accept(menu);
        awaitAllSent(menu.conversationId());

        List<Document> pending = pending(menu.conversationId());
        assertThat(pending).isNotEmpty().allSatisfy(message -> {
            assertThat(message.getString("status")).isEqualTo("SENT");
            assertThat(message.getString("platformRef")).startsWith("ref-");
        });
        assertThat(channel.sentTo(menu.conversationId())).extracting(m -> m.text())
                .containsExactlyElementsOf(replies(menu.conversationId()).stream()
                        .map(entry -> entry.message().text()).toList());
    }

    @Test
    void aChannelAskingToRetryLaterGetsTheMessageAgain() {
        Inbound menu = command("slow-" + person(), "c1", "menu");

        inbox.accept(menu);
        awaitAllSent(menu.conversationId());

        assertThat(pending(menu.conversationId())).isNotEmpty()
                .allSatisfy(message -> assertThat(message.getInteger("attempts")).isEqualTo(2));
        assertThat(channel.sentTo(menu.conversationId())).hasSize(replies(menu.conversationId()).size());
    }

    @Test
    void whatAPersonWroteIsStoredOnlyThroughTheCodec() {
        Inbound hello = said(person(), "evt-1", "my secret goal");

        inbox.accept(hello);
        awaitProcessed(hello);

        Document stored = inboxDocument(hello).get("inbound", Document.class);
        Document conversation = mongo.findById(hello.conversationId(), Document.class, "conversations");
        assertThat(stored.getString("text")).isEqualTo(SealingCodec.PREFIX + "my secret goal");
        assertThat(conversation.toJson()).contains(SealingCodec.PREFIX + "my secret goal")
                .doesNotContain("\"my secret goal");
        assertThat(typed(hello.conversationId())).containsExactly("my secret goal");
    }

    @Test
    void anEventThatKeepsFailingIsMarkedFailedWithoutHoldingUpOthers(CapturedOutput output) {
        String person = person();
        Inbound poison = said(person, "p1", "unreadable private words");
        Inbound next = said(person, "p2", "still here");
        Inbound elsewhere = said(person(), "p3", "other person");

        inbox.accept(poison);
        inbox.accept(next);
        inbox.accept(elsewhere);
        awaitProcessed(elsewhere);
        awaitProcessed(next);

        Document failed = inboxDocument(poison);
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getInteger("attempts")).isEqualTo(5);
        assertThat(failed.getString("error")).isEqualTo(IllegalStateException.class.getName());
        assertThat(typed(next.conversationId())).containsExactly("still here");
        assertThat(output).contains(poison.conversationId()).contains(IllegalStateException.class.getName())
                .doesNotContain("private words").doesNotContain("cannot open");
    }

    @Test
    void aPersonWhoseMessageWasGivenUpOnGetsAnApologyAndTheFailureIsCounted() {
        String person = person();
        Inbound hello = said(person, "h1", "hello");
        Inbound poison = said(person, "h2", "unreadable private words");
        double failedBefore = meters.counter("trellis.inbox.failed").count();

        inbox.accept(hello);
        awaitProcessed(hello);
        inbox.accept(poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(inboxDocument(poison).getString("status")));

        await().atMost(Duration.ofSeconds(10)).until(() -> channel.sentTo(hello.conversationId()).stream()
                .anyMatch(message -> message.text().contains("couldn't take in your last message")));
        assertThat(meters.counter("trellis.inbox.failed").count()).isGreaterThan(failedBefore);
        assertThat(meters.get("trellis.turn.latency").timer().count()).isPositive();
        assertThat(meters.get("trellis.outbox.latency").timer().count()).isPositive();
        assertThat(meters.find("trellis.inbox.depth").gauge()).isNotNull();
        assertThat(meters.find("trellis.outbox.failed").counter()).isNotNull();
    }

    @Test
    void aPersonWhoseVeryFirstMessageWasGivenUpOnGetsAnApologyThereAndCanCarryOn() {
        String person = person();
        Inbound poison = said(person, "f1", "unreadable first words");

        inbox.accept(poison);
        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(inboxDocument(poison).getString("status")));

        await().atMost(Duration.ofSeconds(10)).until(() -> channel.sentTo(poison.conversationId()).stream()
                .anyMatch(message -> message.text().contains("couldn't take in your last message")));
        assertThat(channel.sent).filteredOn(sent -> sent.conversationId().equals(poison.conversationId()))
                .hasSize(1);

        Inbound again = said(person, "f2", "hello");
        inbox.accept(again);
        awaitProcessed(again);
        assertThat(typed(again.conversationId())).containsExactly("hello");
        await().atMost(Duration.ofSeconds(10)).until(() -> channel.sentTo(again.conversationId()).size() > 1);
    }

    @Test
    void startingAFlowIsAnnouncedToOtherFeaturesWithIdsOnly() {
        Inbound grow = command(person(), "g1", "grow");

        inbox.accept(grow);
        awaitProcessed(grow);

        assertThat(effects.heard).filteredOn(e -> e.conversationId().equals(grow.conversationId()))
                .extracting(TurnEffect::effect)
                .hasOnlyOneElementSatisfying(effect -> assertThat(effect)
                        .isInstanceOfSatisfying(Turn.Effect.FlowStarted.class,
                                started -> assertThat(started.flowId()).isEqualTo("grow")));
    }

    @Test
    void anEventWithoutAnIdIsRefusedAndNothingIsStored() {
        String person = person();
        Inbound noId = Inbound.message(TestChannel.NAME, null, "w", person, "dm", "hello", Instant.now());

        assertThatThrownBy(() -> inbox.accept(noId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("eventId");
        assertThat(mongo.count(Query.query(Criteria.where("conversationId").is(noId.conversationId())), "inbox"))
                .isZero();
    }

    private void awaitProcessed(Inbound inbound) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document doc = inboxDocument(inbound);
            return doc != null && "DONE".equals(doc.getString("status"));
        });
    }

    private void awaitAllSent(String conversationId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<Document> pending = pending(conversationId);
            return !pending.isEmpty() && pending.stream().allMatch(p -> "SENT".equals(p.getString("status")));
        });
    }

    private Document inboxDocument(Inbound inbound) {
        return mongo.findById(inbound.channel() + ":" + inbound.eventId(), Document.class, "inbox");
    }

    private List<Document> pending(String conversationId) {
        Document doc = mongo.findById(conversationId, Document.class, "conversations");
        return doc == null ? List.of() : doc.getList("pending", Document.class);
    }

    private List<String> typed(String conversationId) {
        return conversations.transcript(conversationId).stream()
                .filter(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                .map(TranscriptEntry::text).toList();
    }

    private List<TranscriptEntry> replies(String conversationId) {
        return conversations.transcript(conversationId).stream()
                .filter(entry -> entry.direction() == TranscriptEntry.Direction.OUT).toList();
    }

    private static String person() {
        return "U" + PEOPLE.incrementAndGet() + "-" + System.nanoTime();
    }

    private static Inbound said(String person, String eventId, String text) {
        return Inbound.message(TestChannel.NAME, person + "-" + eventId, "w", person, "dm-" + person, text, Instant.now());
    }

    private static Inbound command(String person, String eventId, String args) {
        return Inbound.command(TestChannel.NAME, person + "-" + eventId, "w", person, "dm-" + person, args,
                Instant.now());
    }
}
