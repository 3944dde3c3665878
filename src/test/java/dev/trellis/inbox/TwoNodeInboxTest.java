package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import de.bwaldvogel.mongo.MongoServer;
import dev.trellis.TrellisApplication;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two Trellis nodes on one MongoDB, each with its own inbox workers: one person's messages are applied in the order
 * they were stored whichever node received them, and a node that stops in the middle of an event (its claim never
 * released) is taken over once its lease runs out, without the person seeing anything twice.
 */
class TwoNodeInboxTest {

    @TempDir
    Path data;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @TestConfiguration
    static class Node {
        /** On the node started with {@code test.hang=true}, delivering to {@code hung-*} people never returns. */
        @Bean
        TestChannel testChannel(@Value("${test.hang:false}") boolean hang) {
            return hang ? new HangingChannel() : new TestChannel(null);
        }
    }

    /** A node that stops answering in the middle of delivering: it has written the turn and holds both leases. */
    static final class HangingChannel extends TestChannel {
        final CountDownLatch released = new CountDownLatch(1);
        final CountDownLatch hanging = new CountDownLatch(1);

        HangingChannel() {
            super(null);
        }

        @Override
        public Delivery deliver(Recipient to, Outbound message) {
            if (to.userId().startsWith("hung-")) {
                hanging.countDown();
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the node died before it reached the platform");
            }
            return super.deliver(to, message);
        }
    }

    @AfterEach
    void stopNodes() {
        for (ConfigurableApplicationContext node : nodes) {
            if (node.getBean(TestChannel.class) instanceof HangingChannel hanging) {
                hanging.released.countDown();
            }
        }
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    @Test
    void aPersonsMessagesArriveInOrderWhicheverNodeReceivesThem() {
        ConfigurableApplicationContext a = first("a");
        ConfigurableApplicationContext b = second("b", a);
        List<Inbox> inboxes = List.of(a.getBean(Inbox.class), b.getBean(Inbox.class));
        List<String> people = List.of("ana", "bo", "cy", "di");

        List<Inbound> all = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            for (String person : people) {
                Inbound said = Inbound.message(TestChannel.NAME, person + "-" + i, "w", person, "dm-" + person,
                        "message " + i, Instant.now());
                inboxes.get((i + person.length()) % 2).accept(said);
                all.add(said);
            }
        }
        all.forEach(event -> awaitStatus(a, event, "DONE"));

        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(i -> "message " + i).toList();
        for (String person : people) {
            assertThat(typed(a, conversation(person))).as(person).containsExactlyElementsOf(expected);
        }
        long replies = people.stream().mapToLong(person -> replies(a, conversation(person))).sum();
        List<Outbound> sent = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            sent.clear();
            sent.addAll(a.getBean(TestChannel.class).sent.stream().map(TestChannel.Sent::message).toList());
            sent.addAll(b.getBean(TestChannel.class).sent.stream().map(TestChannel.Sent::message).toList());
            assertThat(sent).hasSize((int) replies);
        });
        assertThat(sent).extracting(Outbound::id).doesNotHaveDuplicates();
        assertThat(a.getBean(MongoTemplate.class).find(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").regex("^" + InboxLane.PREFIX)),
                Document.class, InboxLane.COLLECTION)).as("lanes left behind").isEmpty();
    }

    @Test
    void aClaimWhoseNodeStoppedIsTakenOverAndNothingIsDoneTwice() {
        ConfigurableApplicationContext a = first("a");
        ConfigurableApplicationContext hung = second("hung", a, "test.hang=true");
        HangingChannel stuck = (HangingChannel) hung.getBean(TestChannel.class);
        Inbound first = Inbound.message(TestChannel.NAME, "hung-1", "w", "hung-eve", "dm-eve", "first", Instant.now());
        Inbound second = Inbound.message(TestChannel.NAME, "hung-2", "w", "hung-eve", "dm-eve", "second", Instant.now());
        Inbound third = Inbound.message(TestChannel.NAME, "hung-3", "w", "hung-eve", "dm-eve", "third", Instant.now());

        hung.getBean(Inbox.class).accept(first);
        await().atMost(Duration.ofSeconds(20)).until(() -> stuck.hanging.getCount() == 0);
        // the hung node applied "first" and holds the conversation; the other node gets the rest
        a.getBean(Inbox.class).accept(second);
        a.getBean(Inbox.class).accept(third);

        awaitStatus(a, third, "DONE");
        assertThat(status(a, first)).isEqualTo("DONE");
        assertThat(typed(a, first.conversationId())).containsExactly("first", "second", "third");
        TestChannel survivor = a.getBean(TestChannel.class);
        // the take-over waits out leases and pollers; at load average 25 it once needed more than 20 s
        await().atMost(Duration.ofSeconds(60)).until(() -> survivor.sentTo(first.conversationId()).size()
                == replies(a, first.conversationId()));
        assertThat(survivor.sentTo(first.conversationId())).extracting(Outbound::id).doesNotHaveDuplicates();

        stuck.released.countDown(); // the stuck node wakes up late: its leases are gone, it changes nothing
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(typed(a, first.conversationId())).containsExactly("first", "second", "third");
        assertThat(survivor.sentTo(first.conversationId())).hasSize((int) replies(a, first.conversationId()));
        assertThat(stuck.sentTo(first.conversationId())).isEmpty();
    }

    private static String conversation(String person) {
        return Inbound.message(TestChannel.NAME, "any", "w", person, "dm-" + person, "", Instant.now())
                .conversationId();
    }

    /** The first node: it also runs the embedded MongoDB both nodes use. */
    private ConfigurableApplicationContext first(String name, String... properties) {
        return start(name, List.of("trellis.mongo.embedded=memory"), properties);
    }

    private ConfigurableApplicationContext second(String name, ConfigurableApplicationContext first,
                                                  String... properties) {
        var address = first.getBean(MongoServer.class).getLocalAddress();
        return start(name, List.of("spring.mongodb.uri=mongodb://" + address.getHostString() + ":"
                + address.getPort() + "/trellis"), properties);
    }

    private ConfigurableApplicationContext start(String name, List<String> mongo, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve(name + "-quartz").toAbsolutePath(),
                "--trellis.data-dir=" + data.resolve(name),
                "--trellis.inbox.lease=1s", "--trellis.inbox.rescan-interval=200ms",
                "--trellis.conversations.send-lease=1s", "--trellis.conversations.redelivery-interval=200ms"));
        mongo.forEach(property -> args.add("--" + property));
        Arrays.stream(properties).map(property -> "--" + property).forEach(args::add);
        ConfigurableApplicationContext node = new SpringApplicationBuilder(TrellisApplication.class, Node.class)
                .run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private static void awaitStatus(ConfigurableApplicationContext node, Inbound event, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(node, event)));
    }

    private static String status(ConfigurableApplicationContext node, Inbound inbound) {
        Document stored = node.getBean(MongoTemplate.class)
                .findById(inbound.channel() + ":" + inbound.eventId(), Document.class, "inbox");
        return stored == null ? null : stored.getString("status");
    }

    private static List<String> typed(ConfigurableApplicationContext node, String conversationId) {
        return node.getBean(Conversations.class).transcript(conversationId).stream()
                .filter(entry -> entry.direction() == TranscriptEntry.Direction.IN).map(TranscriptEntry::text)
                .toList();
    }

    private static long replies(ConfigurableApplicationContext node, String conversationId) {
        return node.getBean(Conversations.class).transcript(conversationId).stream()
                .filter(entry -> entry.direction() == TranscriptEntry.Direction.OUT).count();
    }
}
