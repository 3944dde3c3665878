package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What a turn costs in store round trips, counted at the MongoDB driver: a turn's latency on a real deployment is
 * almost all round trips, so the budget is in the test's name and a change that adds one fails here.
 */
@SpringBootTest(properties = {"trellis.inbox.processing=false", "trellis.inbox.rescan-interval=1h",
        "trellis.inbox.sweep-interval=1h", "trellis.conversations.redelivery-interval=1h"})
class TurnRoundTripsTest {

    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @TestConfiguration
    static class Counting {
        /** Commands started on the thread being counted; background jobs run on other threads. */
        final List<String> commands = new CopyOnWriteArrayList<>();
        volatile Thread counted;

        @Bean
        MongoClientSettingsBuilderCustomizer countCommands() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (Thread.currentThread() == counted) {
                        commands.add(event.getCommandName() + " " + event.getCommand().get(event.getCommandName()));
                    }
                }
            });
        }

        @Bean
        TestChannel testChannel() {
            return new TestChannel(null);
        }
    }

    @Autowired
    Counting counting;

    @Autowired
    Conversations conversations;

    @Autowired
    TestChannel channel;

    @Test
    void plainAnswerTurnCostsAtMostEightStoreCommands() {
        String person = "rt-" + PEOPLE.incrementAndGet();
        // a GROW session up to its "what have you tried" question: every answer before it is reflected or confirmed
        for (String said : List.of("grow", "Whether to lead the platform team", "yes",
                "Lead it well within a year", "yes", "8", "I am a senior engineer there now", "Excited and unsure")) {
            say(person, said);
        }
        List<Outbound> before = channel.sentTo(conversationId(person));

        counting.commands.clear();
        counting.counted = Thread.currentThread();
        say(person, "I shadowed our current lead for a month");
        counting.counted = null;

        List<Outbound> replies = channel.sentTo(conversationId(person)).subList(before.size(),
                channel.sentTo(conversationId(person)).size());
        assertThat(replies).as("the answer moves GROW on to its next question").isNotEmpty();
        System.out.println("Store commands of a plain answer turn (" + counting.commands.size() + "):");
        counting.commands.forEach(command -> System.out.println("  " + command));
        assertThat(counting.commands).as("store commands of one plain answer turn").hasSizeLessThanOrEqualTo(8);
    }

    private void say(String person, String text) {
        conversations.handle(Inbound.message(TestChannel.NAME, "e-" + System.nanoTime(), "w", person, "dm-" + person,
                text, Instant.now()));
    }

    private static String conversationId(String person) {
        return Inbound.message(TestChannel.NAME, "any", "w", person, "dm-" + person, "", Instant.now())
                .conversationId();
    }
}
