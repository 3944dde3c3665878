package dev.trellis.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.trellis.engine.Turn;
import dev.trellis.engine.TurnEffect;

/** Who may see what of Ana's: she sees all of it, her manager and her peer coach what she shared with each, others nothing. */
class SharingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final Consents consents;
    private final ManagerLinks links;
    private final SharingPolicy policy;
    private final SharedItem goal = new SharedItem("goal", "g1");
    private final SharedItem point = new SharedItem("talkingPoint", "tp1");

    SharingPolicyTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        MongoTemplate mongo = new MongoTemplate(client, "sharing");
        consents = Consents.in(mongo);
        links = TestManagerLinks.on(mongo);
        links.importConfirmed("ana", "maria", NOW, false);
        policy = new SharingPolicy(consents, links, (coach, person) -> "pete".equals(coach) && "ana".equals(person));
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eachAudienceSeesOnlyWhatWasSharedWithIt() {
        consents.give("c1", "ana", goal, Audience.MANAGER, NOW);
        consents.give("c2", "ana", point, Audience.PEER_COACH, NOW);

        assertThat(policy.maySee("ana", "ana", new SharedItem("goal", "never-shared"))).as("owner").isTrue();
        assertThat(policy.maySee("maria", "ana", goal)).as("manager, goal").isTrue();
        assertThat(policy.maySee("maria", "ana", point)).as("manager, peer's point").isFalse();
        assertThat(policy.maySee("pete", "ana", point)).as("peer coach, point").isTrue();
        assertThat(policy.maySee("pete", "ana", goal)).as("peer coach, manager's goal").isFalse();
        assertThat(policy.access("operator", "ana").items()).as("anyone else").isEmpty();
        assertThat(policy.maySee("maria", "pete", goal)).as("manager of someone else").isFalse();
    }

    @Test
    void aConsentHeardTwiceIsRecordedOnceAndAWithdrawalHidesItAtOnce() {
        ShareEffects effects = new ShareEffects(consents);
        TurnEffect shared = new TurnEffect("web:w:ana:7", "web:w:ana", "web", "ana",
                new Turn.Effect.Shared("manager", List.of("goal:g1"), NOW));
        effects.on(shared);
        effects.on(shared);

        assertThat(consents.active("ana")).singleElement().satisfies(c -> {
            assertThat(c.item()).isEqualTo(goal);
            assertThat(c.givenAt()).isEqualTo(NOW);
        });
        assertThat(policy.maySee("maria", "ana", goal)).isTrue();

        consents.withdraw("ana", consents.active("ana").get(0).id(), NOW.plusSeconds(60));

        assertThat(policy.maySee("maria", "ana", goal)).isFalse();
        assertThat(consents.all("ana")).singleElement().extracting(Consent::withdrawnAt).isEqualTo(NOW.plusSeconds(60));
    }
}
