package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Turn latency on the embedded file-backed MongoDB, early and with a large store, side by side in one run: people
 * answer a GROW session one conversation at a time (each answer handed to the inbox, timed until the channel is asked
 * to deliver the reply), then 100,000 processed inbox events and 100,000 conversations are written straight into
 * MongoDB, then as many people answer again. A turn whose cost grew with the stored data shows here. The idle sweep
 * and the inbox's lane sweep, which look over all conversations and lanes, are timed before and after too. Not part
 * of {@code verify}: {@code ./mvnw -Pbench test -Dtest=TurnLatencyBenchmark}, figures in
 * {@code target/turn-latency-benchmark.txt}.
 */
@SpringBootTest(properties = {"trellis.inbox.sweep-interval=10s", "trellis.inbox.rescan-interval=10s"})
class TurnLatencyBenchmark {

    private static final int PEOPLE = Integer.getInteger("bench.people", 40);
    private static final int STORED = Integer.getInteger("bench.stored", 100_000);
    private static final List<String> ANSWERS = List.of("grow", "Whether to lead the platform team", "yes",
            "Lead it well within a year", "yes", "8", "I am a senior engineer there now", "Excited and unsure",
            "I shadowed our current lead for a month");

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path data = Files.createTempDirectory("trellis-turns");
        registry.add("trellis.data-dir", data::toString);
        registry.add("trellis.mongo.embedded", () -> System.getProperty("bench.mongo", "file"));
    }

    /** Completes a future when the channel is asked to deliver to the conversation it waits for. */
    static final class TimedChannel extends TestChannel {
        final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();

        TimedChannel() {
            super(null);
        }

        @Override
        public Delivery deliver(Recipient to, Outbound message) {
            CompletableFuture<Long> reply = waiting.remove(to.conversationId());
            if (reply != null) {
                reply.complete(System.nanoTime());
            }
            return super.deliver(to, message);
        }
    }

    @TestConfiguration
    static class Channel {
        @Bean
        TimedChannel timedChannel() {
            return new TimedChannel();
        }
    }

    @Autowired
    Inbox inbox;
    @Autowired
    TimedChannel channel;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    IdleSweep idleSweep;
    @Autowired
    InboxRescan rescan;
    @Autowired
    MongoServer server;

    @Test
    void turnLatencyStaysFlatWithAHundredThousandEventsAndConversationsStored() throws Exception {
        turns("warm", PEOPLE / 2);
        long[] sweepsEarly = sweeps();
        List<Long> early = turns("early", PEOPLE);

        long seeding = System.nanoTime();
        seed("early-0");
        double seeded = (System.nanoTime() - seeding) / 1e9;
        turns("warm-late", PEOPLE / 4);
        long[] sweepsLate = sweeps();
        List<Long> late = turns("late", PEOPLE);
        // last: it keeps the embedded server busy, and every turn would wait for it
        long fullSweep = fullSweepQuery();

        String report = String.format("Turn latency, embedded MongoDB %s, %d CPU cores, one conversation at a time, "
                        + "%d turns each%n"
                        + "  early (%d conversations at most): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n"
                        + "  late  (%d conversations, %d inbox documents): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms%n"
                        + "  late/early: p50 %.2f, p99 %.2f; seeding %d + %d documents took %.0f s%n"
                        + "  idle sweep (every 30 s) %d ms early, %d ms late; lane sweep (every 30 s) %d ms early, %d ms "
                        + "late; the query of the idle sweep over all conversations (every hour) %d ms late%n",
                System.getProperty("bench.mongo", "file"), Runtime.getRuntime().availableProcessors(), early.size(),
                PEOPLE * 3 / 2, millis(early, 0.5), millis(early, 0.9), millis(early, 0.99),
                count("conversations"), count("inbox"), millis(late, 0.5), millis(late, 0.9), millis(late, 0.99),
                millis(late, 0.5) / millis(early, 0.5), millis(late, 0.99) / millis(early, 0.99), STORED, STORED,
                seeded, sweepsEarly[0], sweepsLate[0], sweepsEarly[1], sweepsLate[1], fullSweep);
        System.out.print(report);
        Files.writeString(Path.of("target", "turn-latency-benchmark.txt"), report);
        assertThat(late).hasSize(early.size());
    }

    /** Each person of the round answers the whole script; returns each turn's latency in nanoseconds. */
    private List<Long> turns(String round, int people) throws Exception {
        List<Long> latencies = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String person = round + "-" + p;
            for (int i = 0; i < ANSWERS.size(); i++) {
                Inbound said = Inbound.message(TestChannel.NAME, person + "-" + i, "w", person, "dm-" + person,
                        ANSWERS.get(i), Instant.now());
                CompletableFuture<Long> reply = new CompletableFuture<>();
                channel.waiting.put(said.conversationId(), reply);
                long start = System.nanoTime();
                inbox.accept(said);
                latencies.add(reply.get(30, TimeUnit.SECONDS) - start);
                awaitQuiet(said);
            }
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** Until the event is marked done, so the next answer is not measured against this turn's tail. */
    private void awaitQuiet(Inbound said) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            Document event = mongo.findById(said.channel() + ":" + said.eventId(), Document.class, "inbox");
            if (event != null && "DONE".equals(event.getString("status"))) {
                return;
            }
            Thread.sleep(1);
        }
    }

    /**
     * How long the query of the sweep over all conversations takes, through a client without the application's short
     * timeouts (the application's own gives up after 5 s, while the server goes on reading).
     */
    private long fullSweepQuery() {
        var address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            long start = System.nanoTime();
            client.getDatabase(mongo.getDb().getName()).getCollection("conversations")
                    .find(new Document("wakeAt", new Document("$lte", new Date()))
                            .append("recipient", new Document("$ne", null)))
                    .sort(new Document("wakeAt", 1)).limit(500).projection(new Document("recipient", 1))
                    .into(new ArrayList<>());
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    /**
     * Copies of a real conversation and its processed events, written in batches straight into the store, through a
     * client of its own: the application's has short timeouts (a MongoDB outage must not hold an acknowledgement),
     * which a batch of large documents on a busy machine can exceed.
     */
    private void seed(String model) {
        var address = server.getLocalAddress();
        try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            seed(model, client.getDatabase(mongo.getDb().getName()));
        }
    }

    private void seed(String model, MongoDatabase db) {
        Document conversation = mongo.findById(conversationId(model), Document.class, "conversations");
        Document event = mongo.findById("test:" + model + "-1", Document.class, "inbox");
        assertThat(conversation).as("a conversation to copy").isNotNull();
        assertThat(event).as("a processed event to copy").isNotNull();
        // later than any measured turn: the seeded conversations wait for their idle limit like real ones do
        Date wakeAt = Date.from(Instant.now().plusSeconds(86_400));
        int batch = 250;
        for (int from = 0; from < STORED; from += batch) {
            List<Document> conversations = new ArrayList<>(batch);
            List<Document> events = new ArrayList<>(batch);
            for (int i = from; i < Math.min(STORED, from + batch); i++) {
                String person = "stored-" + i;
                Document copy = new Document(conversation);
                copy.put("_id", conversationId(person));
                copy.put("wakeAt", wakeAt);
                copy.put("recipient", new Document(conversation.get("recipient", Document.class))
                        .append("conversationId", conversationId(person)).append("userId", person)
                        .append("address", "dm-" + person));
                conversations.add(copy);
                Document done = new Document(event);
                done.put("_id", "test:" + person + "-1");
                done.put("conversationId", conversationId(person));
                events.add(done);
            }
            db.getCollection("conversations").insertMany(conversations);
            db.getCollection("inbox").insertMany(events);
        }
    }

    /**
     * How long the frequent idle sweep (the wake times this node wrote), the lane sweep and the occasional idle sweep
     * over all conversations take, and how many conversations there are now.
     */
    private long[] sweeps() {
        long start = System.nanoTime();
        idleSweep.sweepWrittenHere();
        long idle = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        rescan.rescanLanes();
        long lanes = (System.nanoTime() - start) / 1_000_000;
        return new long[] {idle, lanes, count("conversations")};
    }

    private static String conversationId(String person) {
        return Inbound.message(TestChannel.NAME, "any", "w", person, "dm-" + person, "", Instant.now())
                .conversationId();
    }

    private long count(String collection) {
        return mongo.getCollection(collection).estimatedDocumentCount();
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
