package dev.trellis.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** Only a confirmed link counts, either side can end it, and every change can be repeated without doubling. */
class ManagerLinksTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final ManagerLinks links;
    private final MongoTemplate mongo;
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    ManagerLinksTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "links");
        links = TestManagerLinks.on(mongo);
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anUnconfirmedLinkGivesNobodyAnything() {
        links.propose("alex", "maria", now);

        assertThat(links.managerOf("alex")).isEmpty();
        assertThat(links.reportsOf("maria")).isEmpty();
        assertThat(links.awaiting("maria")).singleElement().extracting(ManagerLink::employeeId).isEqualTo("alex");
    }

    @Test
    void theNamedManagerConfirmingLinksThemAndConfirmingAgainChangesNothing() {
        ManagerLink proposed = links.propose("alex", "maria", now);

        assertThat(links.confirm(proposed.id(), "peter", now)).as("someone else cannot confirm").isEmpty();
        assertThat(links.confirm(proposed.id(), "alex", now)).as("nor the employee").isEmpty();
        ManagerLink confirmed = links.confirm(proposed.id(), "maria", now).orElseThrow();
        ManagerLink again = links.confirm(proposed.id(), "maria", now.plusSeconds(60)).orElseThrow();

        assertThat(links.managerOf("alex")).contains("maria");
        assertThat(links.reportsOf("maria")).containsExactly("alex");
        assertThat(again).isEqualTo(confirmed);
        assertThat(confirmed.confirmedBy()).isEqualTo("maria");
        assertThat(links.history("alex")).hasSize(1);
    }

    @Test
    void eitherSideEndsAConfirmedLinkAndItGivesNothingAfterwards() {
        ManagerLink byEmployee = links.propose("alex", "maria", now);
        links.confirm(byEmployee.id(), "maria", now);
        assertThat(links.end(byEmployee.id(), "peter", now)).as("not theirs to end").isEmpty();
        assertThat(links.managerOf("alex")).contains("maria");

        ManagerLink ended = links.end(byEmployee.id(), "alex", now.plusSeconds(5)).orElseThrow();

        assertThat(ended.state()).isEqualTo(ManagerLink.State.ENDED);
        assertThat(ended.endedBy()).isEqualTo("alex");
        assertThat(ended.endedAt()).isEqualTo(now.plusSeconds(5));
        assertThat(links.managerOf("alex")).isEmpty();
        assertThat(links.reportsOf("maria")).isEmpty();

        ManagerLink byManager = links.propose("sam", "maria", now);
        links.confirm(byManager.id(), "maria", now);
        assertThat(links.end(byManager.id(), "maria", now).orElseThrow().endedBy()).isEqualTo("maria");
        assertThat(links.end(byManager.id(), "sam", now.plusSeconds(9)).orElseThrow().endedBy())
                .as("ending twice keeps who ended it first").isEqualTo("maria");
        assertThat(links.managerOf("sam")).isEmpty();
        assertThat(links.confirm(byManager.id(), "maria", now)).as("an ended link cannot be confirmed again").isEmpty();
    }

    @Test
    void adeclinedLinkIsClosedAndNamingSomeoneElseEndsTheOpenOne() {
        ManagerLink first = links.propose("alex", "peter", now);
        assertThat(links.decline(first.id(), "peter", now).orElseThrow().state()).isEqualTo(ManagerLink.State.DECLINED);
        assertThat(links.openLinkOf("alex")).isEmpty();

        ManagerLink second = links.propose("alex", "maria", now);
        links.confirm(second.id(), "maria", now);
        links.propose("alex", "sam", now.plusSeconds(1));

        assertThat(links.managerOf("alex")).as("the new one waits; the old one ended").isEmpty();
        assertThat(links.find(second.id()).orElseThrow().state()).isEqualTo(ManagerLink.State.ENDED);
        assertThat(links.propose("alex", "sam", now.plusSeconds(2)).id()).as("naming the same again is the same request")
                .isEqualTo(links.openLinkOf("alex").orElseThrow().id());
        assertThatThrownBy(() -> links.propose("alex", "alex", now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void importingTwiceGivesTheSameLinksAndADryRunWritesNothing() {
        assertThat(links.importConfirmed("alex", "maria", now, true)).isEqualTo(ManagerLinks.ImportOutcome.ADDED);
        assertThat(links.history("alex")).isEmpty();

        assertThat(links.importConfirmed("alex", "maria", now, false)).isEqualTo(ManagerLinks.ImportOutcome.ADDED);
        assertThat(links.importConfirmed("alex", "maria", now, false)).isEqualTo(ManagerLinks.ImportOutcome.UNCHANGED);
        assertThat(links.managerOf("alex")).contains("maria");
        assertThat(links.history("alex")).singleElement().satisfies(link -> {
            assertThat(link.confirmedBy()).isEqualTo(ManagerLink.OPERATOR);
            assertThat(link.proposedBy()).isEqualTo(ManagerLink.OPERATOR);
        });

        links.propose("sam", "maria", now);
        assertThat(links.importConfirmed("sam", "maria", now, false))
                .isEqualTo(ManagerLinks.ImportOutcome.CONFIRMED_PROPOSAL);
        assertThat(links.importConfirmed("sam", "peter", now, false)).isEqualTo(ManagerLinks.ImportOutcome.REPLACED);
        assertThat(links.managerOf("sam")).contains("peter");
        assertThat(links.history("sam")).hasSize(2);
    }

    @Test
    void theStoreRefusesASecondOpenLinkForOnePersonWhoeverWritesIt() {
        links.importConfirmed("alex", "maria", now, false);

        assertThatThrownBy(() -> mongo.insert(new MongoManagerLinks.Stored("other", "alex", "alex", "peter",
                ManagerLink.State.CONFIRMED, "operator", now, "operator", now, null, null)))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void forgettingEitherSideRemovesTheirLinks() {
        links.importConfirmed("alex", "maria", now, false);
        links.importConfirmed("sam", "maria", now, false);
        links.importConfirmed("maria", "boss", now, false);

        assertThat(links.forget("maria")).hasSize(3);

        assertThat(links.managerOf("alex")).isEmpty();
        assertThat(links.history("sam")).isEmpty();
        assertThat(links.reportsOf("boss")).isEmpty();
    }
}
