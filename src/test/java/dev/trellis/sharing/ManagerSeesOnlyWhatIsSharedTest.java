package dev.trellis.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.trellis.coaching.internal.People;
import dev.trellis.coaching.internal.Person;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.Delivery;
import dev.trellis.engine.Inbound;
import dev.trellis.engine.Outbound;
import dev.trellis.engine.OutboundChannel;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.Recipient;
import dev.trellis.engine.TranscriptEntry;

/**
 * Alex prepares a 1:1 and shares one talking point with Maria, his manager, keeping another private; Maria prepares
 * hers through manager-nudge. Everything runs through the real conversations, flows, effects and stores: Maria is told
 * the shared point and never the private one, her stored conversation keeps no copy of Alex's words, and she loses the
 * point when Alex withdraws it and everything when the manager link ends.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ManagerSeesOnlyWhatIsSharedTest {

    static final String CHANNEL = "sharetest";

    /** What the channel delivered, per conversation. */
    static final class Recording implements OutboundChannel {
        final List<String[]> sent = new CopyOnWriteArrayList<>();
        private final AtomicInteger refs = new AtomicInteger();

        @Override
        public String channel() {
            return CHANNEL;
        }

        @Override
        public Delivery deliver(Recipient to, Outbound message) {
            sent.add(new String[] {to.conversationId(), message.text() == null ? "" : message.text()});
            return new Delivery.Sent("ref-" + refs.incrementAndGet());
        }

        String saidTo(String conversationId, int from) {
            StringBuilder all = new StringBuilder();
            for (String[] s : sent.subList(from, sent.size())) {
                if (s[0].equals(conversationId)) all.append(s[1]).append('\n');
            }
            return all.toString();
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Wiring {
        @Bean
        Recording recordingChannel() {
            return new Recording();
        }
    }

    @Autowired
    Conversations conversations;
    @Autowired
    PersonDirectory directory;
    @Autowired
    People people;
    @Autowired
    Recording channel;
    @Autowired
    Consents consents;
    @Autowired
    ManagerLinks links;

    private final String run = Long.toString(System.nanoTime());
    private final String alexUser = "alex-" + run;
    private final String mariaUser = "maria-" + run;
    private final AtomicInteger events = new AtomicInteger();

    private String conversationOf(String user) {
        return CHANNEL + ":w:" + user;
    }

    private void say(String user, String text) {
        conversations.handle(Inbound.message(CHANNEL, "e" + events.incrementAndGet() + "-" + run, "w", user, user,
                text, Instant.now()));
    }

    private void command(String user, String flow) {
        conversations.handle(Inbound.command(CHANNEL, "e" + events.incrementAndGet() + "-" + run, "w", user, user,
                flow, Instant.now()));
    }

    /** What Maria is told when she prepares her 1:1 with Alex (and says she has not had it yet). */
    private String mariaPrepares() {
        int from = channel.sent.size();
        command(mariaUser, "manager-nudge");
        say(mariaUser, "Alex");
        String told = channel.saidTo(conversationOf(mariaUser), from);
        say(mariaUser, "not yet");
        return told;
    }

    @Test
    void theManagerIsToldOnlyTheSharedPointReadNowAndKeepsNoCopy() {
        String alex = directory.resolve(new PlatformIdentity(CHANNEL, "w", alexUser));
        String maria = directory.resolve(new PlatformIdentity(CHANNEL, "w", mariaUser));
        Instant now = Instant.now();
        people.save(new Person(alex, Map.of(), "Alex", null, null, null, false, now, now));
        links.importConfirmed(alex, maria, now, false);

        command(alexUser, "one-on-one-prep");
        // with a confirmed manager the preparation offers a series first; Alex keeps to a single date
        say(alexUser, "No fixed rhythm");
        say(alexUser, "2030-01-10");
        say(alexUser, "We shipped the search revamp on time");
        say(alexUser, "I need a reviewer from the security team for the new login flow");
        say(alexUser, "More ownership of the roadmap next quarter");
        say(alexUser, "Budget for the Lisbon conference");
        say(alexUser, "yes, share it");
        say(alexUser, "yes");
        say(alexUser, "Thinking about leaving the company");
        say(alexUser, "no keep it private");
        say(alexUser, "that's all");
        assertThat(conversations.state(conversationOf(alexUser)).orElseThrow().status().name()).isEqualTo("FINISHED");
        assertThat(consents.active(alex)).hasSize(1);

        String told = mariaPrepares();
        assertThat(told).contains("Talking points Alex shared with you:\n• Budget for the Lisbon conference")
                .doesNotContain("leaving").doesNotContain("security team").doesNotContain("search revamp");

        // Maria's stored conversation: no copy of Alex's words in its variables or its transcript
        assertThat(conversations.state(conversationOf(mariaUser)).orElseThrow().vars().toString())
                .doesNotContain("Lisbon");
        assertThat(conversations.transcript(conversationOf(mariaUser))).allSatisfy(entry -> assertThat(
                entry.direction() == TranscriptEntry.Direction.OUT ? entry.message().text() : entry.text())
                .doesNotContain("Lisbon"));

        // Alex withdraws the point in /coach privacy: Maria is told nothing of it from then on
        command(alexUser, "privacy");
        say(alexUser, "1");
        assertThat(consents.active(alex)).isEmpty();
        assertThat(mariaPrepares()).contains("No talking points shared with you yet.").doesNotContain("Lisbon");

        // shared again, then the link ends: Maria sees nothing at all
        consents.give("again-" + run, alex, consents.all(alex).get(0).item(), Audience.MANAGER, Instant.now());
        assertThat(mariaPrepares()).contains("Lisbon");
        links.openLinkOf(alex).ifPresent(link -> links.end(link.id(), alex, Instant.now()));
        assertThat(mariaPrepares()).contains("nothing shared to show").doesNotContain("Lisbon");
    }
}
