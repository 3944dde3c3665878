package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.OpenQuestion;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.PlatformIdentity;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A scheduled timer as it travels: a typed inbox event, kept in the conversation while the person is busy. */
@SpringBootTest(properties = "trellis.conversations.redelivery-interval=100ms")
class TimerInboundTest {

    @TestConfiguration
    static class Channels {
        @Bean
        TestChannel testChannel() {
            return new TestChannel(null);
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

    @Test
    void timerIsStoredAsATypedEventNotAsProfileMeta() {
        String person = "timer-" + System.nanoTime();
        Instant due = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Inbound fired = Inbound.timer(new PlatformIdentity(TestChannel.NAME, "w", person),
                new Inbound.Timer("checkin:g1", due, "session-feedback", "rating", Map.of("goal", "g1", "week", 3L)),
                Instant.now());

        assertThat(inbox.accept(fired)).isEqualTo(Inbox.Receipt.ACCEPTED);
        assertThat(inbox.accept(fired)).as("the same timer for the same moment").isEqualTo(Inbox.Receipt.DUPLICATE);
        awaitDone(fired);

        Document stored = mongo.findById(fired.channel() + ":" + fired.eventId(), Document.class, "inbox")
                .get("inbound", Document.class);
        assertThat(stored.get("meta", Document.class)).isEmpty();
        Document timer = stored.get("timer", Document.class);
        assertThat(timer.getString("timerId")).isEqualTo("checkin:g1");
        assertThat(timer.getString("flowId")).isEqualTo("session-feedback");
        assertThat(timer.get("vars", Document.class)).containsEntry("goal", "g1").containsEntry("week", 3L);
        assertThat(fired.eventId()).isEqualTo("checkin:g1:" + due);
    }

    @Test
    void timerWhileBusyIsKeptInTheConversationAndOfferedWhenTheFlowEnds() {
        String person = "busy-" + System.nanoTime();
        PlatformIdentity ana = new PlatformIdentity(TestChannel.NAME, "w", person);
        Inbound grow = Inbound.command(TestChannel.NAME, person + "-c1", "w", person, "dm-" + person, "grow",
                Instant.now());
        inbox.accept(grow);
        awaitDone(grow);

        Inbound fired = Inbound.timer(ana, new Inbound.Timer("feedback:s1", Instant.now(), "session-feedback", null,
                Map.of()), Instant.now());
        inbox.accept(fired);
        awaitDone(fired);

        ConversationState busy = conversations.state(grow.conversationId()).orElseThrow();
        assertThat(busy.flowId()).isEqualTo("grow");
        assertThat(busy.timers()).extracting(Inbound.Timer::timerId).containsExactly("feedback:s1");

        Inbound stop = Inbound.message(TestChannel.NAME, person + "-m1", "w", person, "dm-" + person, "stop",
                Instant.now());
        inbox.accept(stop);
        awaitDone(stop);

        ConversationState ended = conversations.state(grow.conversationId()).orElseThrow();
        assertThat(ended.question()).isInstanceOf(OpenQuestion.TimerOffer.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> channel.sentTo(grow.conversationId()).stream()
                .anyMatch(m -> m.kind() == Outbound.Kind.CONFIRM && m.text().contains("Rate your last session")));

        Inbound yes = Inbound.action(TestChannel.NAME, person + "-a1", "w", person, "dm-" + person,
                ended.openControl(), List.of("yes"), Instant.now());
        inbox.accept(yes);
        awaitDone(yes);

        ConversationState started = conversations.state(grow.conversationId()).orElseThrow();
        assertThat(started.flowId()).isEqualTo("session-feedback");
        assertThat(started.timers()).isEmpty();
    }

    private void awaitDone(Inbound inbound) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Document doc = mongo.findById(inbound.channel() + ":" + inbound.eventId(), Document.class, "inbox");
            return doc != null && "DONE".equals(doc.getString("status"));
        });
    }
}
