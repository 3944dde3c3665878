package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.trellis.engine.Conversations;
import dev.trellis.engine.Engine;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;
import dev.trellis.flow.MessageBundle;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A node that stops at any point after storing a turn loses none of the turn's effects: the next delivery of the
 * conversation (the inbox's retry of the event on any node, or the poller once the stopped node's lease ran out)
 * relays them, and the timer the turn asked for exists exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "trellis.conversations.send-lease=1s", "trellis.conversations.redelivery-interval=200ms"})
class EffectsAfterCrashTest {

    static final String REMIND = """
            id: remind
            title: Remind me
            steps:
              - id: when
                ask: { text: "By when will you have done it?", type: date, validate: { notInPast: true } }
                save: due
              - id: follow-up
                schedule: { name: remind-followup, at: due }
              - id: done
                end: "I'll check in."
            """;

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @DynamicPropertySource
    static void flows(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("effect-flows");
        FileSystemUtils.copyRecursively(Path.of("conversation-flows", "messages"), dir.resolve("messages"));
        Files.writeString(dir.resolve("remind.yaml"), REMIND);
        registry.add("trellis.flows.dir", dir::toString);
    }

    @TestConfiguration
    static class Listening {
        @Bean
        Hearings hearings() {
            return new Hearings();
        }
    }

    /** Every hearing of every effect, by effect id. */
    static class Hearings {
        final Map<String, AtomicInteger> heard = new ConcurrentHashMap<>();

        @EventListener
        void on(TurnEffect effect) {
            heard.computeIfAbsent(effect.effectId(), id -> new AtomicInteger()).incrementAndGet();
        }

        int times(String effectId) {
            AtomicInteger count = heard.get(effectId);
            return count == null ? 0 : count.get();
        }
    }

    /** Thrown where a node stops: nothing after it on that node happens. */
    static final class NodeStopped extends RuntimeException {
        NodeStopped() {
            super("the node stopped", null, false, false);
        }
    }

    @Autowired
    Conversations conversations;
    @Autowired
    ConversationStore store;
    @Autowired
    OutboxStore outboxStore;
    @Autowired
    EffectRelay relay;
    @Autowired
    TextSealing sealing;
    @Autowired
    Engine engine;
    @Autowired
    PersonDirectory people;
    @Autowired
    MessageBundle messages;
    @Autowired
    List<OutboundChannel> channels;
    @Autowired
    ConversationProperties properties;
    @Autowired
    OutboxProperties budget;
    @Autowired
    OutboxMetrics metrics;
    @Autowired
    Clock clock;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Hearings hearings;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aTimerAskedForByATurnWhoseNodeStoppedRightAfterStoringItIsSetOnceByTheRetry() throws Exception {
        String user = "stopped-" + PEOPLE.incrementAndGet();
        conversations.handle(start(user));
        Inbound answer = answer(user);
        Conversations stopping = node(new Outbox(outboxStore, relay, sealing, channels, properties, budget, metrics,
                clock) {
            @Override
            void deliver(String id) {
                throw new NodeStopped();
            }
        });

        assertThatThrownBy(() -> stopping.handle(answer)).isInstanceOf(NodeStopped.class);
        String effectId = timerEffect(answer.conversationId());
        assertThat(jobs(user)).isEmpty();

        conversations.handle(answer); // the inbox retries the event, here or on another node
        conversations.handle(answer); // and once more: nothing is left to relay

        assertThat(hearings.times(effectId)).isEqualTo(1);
        assertThat(triggers(user)).hasSize(1);
        assertThat(store.find(answer.conversationId()).orElseThrow().effects()).isEmpty();
    }

    @Test
    void aTimerLeftByANodeThatStoppedHoldingTheConversationIsSetByThePollerOnceItsLeaseRunsOut() throws Exception {
        String user = "holding-" + PEOPLE.incrementAndGet();
        conversations.handle(start(user));
        Inbound answer = answer(user);
        Conversations stopping = node(new Outbox(outboxStore, relay, sealing, channels, properties, budget, metrics,
                clock) {
            @Override
            void deliver(String id) {
                Instant now = clock.instant();
                outboxStore.lease(id, "stopped-node", now, now.plus(properties.sendLease()), now);
                throw new NodeStopped();
            }
        });

        assertThatThrownBy(() -> stopping.handle(answer)).isInstanceOf(NodeStopped.class);
        String effectId = timerEffect(answer.conversationId());
        conversations.handle(answer); // the retry finds the conversation held and leaves it to the poller

        await().atMost(Duration.ofSeconds(20)).until(() -> hearings.times(effectId) > 0);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                store.find(answer.conversationId()).orElseThrow().effects().isEmpty());
        assertThat(hearings.times(effectId)).isEqualTo(1);
        assertThat(triggers(user)).hasSize(1);
    }

    @Test
    void aTimerHeardByANodeThatStoppedBeforeRecordingTheRelayIsHeardAgainAndStillSetOnce() throws Exception {
        String user = "heard-" + PEOPLE.incrementAndGet();
        conversations.handle(start(user));
        Inbound answer = answer(user);
        OutboxStore stoppingStore = new OutboxStore(mongo) {
            @Override
            boolean effectRelayed(String id, String owner, String effectId) {
                throw new NodeStopped();
            }

            @Override
            void release(String id, String owner) {
                // a stopped node releases nothing: its lease runs out
            }
        };
        Conversations stopping = node(new Outbox(stoppingStore, new EffectRelay(stoppingStore, sealing, events,
                budget, clock), sealing, channels, properties, budget, metrics, clock));

        assertThatThrownBy(() -> stopping.handle(answer)).isInstanceOf(NodeStopped.class);
        String effectId = timerEffect(answer.conversationId());
        List<Date> set = triggers(user);
        assertThat(set).hasSize(1);
        conversations.handle(answer);

        await().atMost(Duration.ofSeconds(20)).until(() -> hearings.times(effectId) == 2);
        await().atMost(Duration.ofSeconds(5)).until(() ->
                store.find(answer.conversationId()).orElseThrow().effects().isEmpty());
        assertThat(triggers(user)).isEqualTo(set);
    }

    private Conversations node(Outbox outbox) {
        return new MongoConversations(store, sealing, engine, people, messages, outbox, properties, clock);
    }

    /** The id of the stored timer effect of the conversation's last turn. */
    private String timerEffect(String conversationId) {
        List<StoredEffect> effects = store.find(conversationId).orElseThrow().effects();
        assertThat(effects).extracting(effect -> effect.effect().kind()).contains(StoredEffect.Kind.TIMER_SET);
        return effects.stream().filter(effect -> effect.effect().kind() == StoredEffect.Kind.TIMER_SET)
                .findFirst().orElseThrow().id();
    }

    private static Inbound start(String user) {
        return Inbound.command("test", user + "-1", "w", user, "dm-" + user, "remind", Instant.now());
    }

    private static Inbound answer(String user) {
        return Inbound.message("test", user + "-2", "w", user, "dm-" + user, "in two weeks", Instant.now());
    }

    private List<JobKey> jobs(String user) throws Exception {
        String person = people.resolve(new PlatformIdentity("test", "w", user));
        JobKey key = JobKey.jobKey("remind-followup", "person:" + person);
        return scheduler.checkExists(key) ? List.of(key) : List.of();
    }

    private List<Date> triggers(String user) throws Exception {
        String person = people.resolve(new PlatformIdentity("test", "w", user));
        return scheduler.getTriggersOfJob(JobKey.jobKey("remind-followup", "person:" + person)).stream()
                .map(Trigger::getNextFireTime).toList();
    }
}
