package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.sharing.ManagerLinks;
import dev.trellis.sharing.TestManagerLinks;

class PeopleAndNotesActionsTest {

    private final CoachingStore store = new CoachingStore();
    private final People people = store.repository(People.class);
    private final FeedbackNotes notes = store.repository(FeedbackNotes.class);
    private final PeerSessions peers = store.repository(PeerSessions.class);
    private final OneOnOnes series = store.repository(OneOnOnes.class);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void profileIsCreatedOnFirstUpdateAndKeepsWhatLaterUpdatesLeaveOut() throws Exception {
        UpdatePerson update = new UpdatePerson(people);

        update.run(store.request("p1", Map.of("name", "Zoe", "timezone", "Europe/Berlin"), now));
        update.run(store.request("p1", Map.of("peerCoaching", true, "workStart", "8:30"), now));

        Person zoe = people.findById("p1").orElseThrow();
        assertThat(zoe.name()).isEqualTo("Zoe");
        assertThat(zoe.timezone()).isEqualTo("Europe/Berlin");
        assertThat(zoe.peerCoaching()).isTrue();
        assertThat(zoe.workingHours().start()).isEqualTo(LocalTime.of(8, 30));
    }

    @Test
    void unknownTimezoneIsNotStoredAndTheFlowIsToldSo() throws Exception {
        Map<String, Object> result = new UpdatePerson(people)
                .run(store.request("p1", Map.of("name", "Pat", "timezone", "Europe/Atlantis"), now));

        assertThat(result).containsEntry("timezoneKnown", false).containsEntry("timezone", "UTC");
        assertThat(people.findById("p1").orElseThrow().name()).isEqualTo("Pat");
        assertThatThrownBy(() -> new UpdatePerson(people).run(store.request("p1", Map.of("workEnd", "late"), now)))
                .hasMessageContaining("workEnd");
    }

    @Test
    void zonesTypedLooselyAreReadAndNamesNoZoneHasAreNot() throws Exception {
        UpdatePerson update = new UpdatePerson(people);
        assertThat(update.run(store.request("p1", Map.of("timezone", "utc+2"), now))).containsEntry("timezone", "UTC+02:00");
        assertThat(update.run(store.request("p1", Map.of("timezone", " cet "), now))).containsEntry("timezone", "CET");
        for (String typed : new String[] {"Mars/Olympus", "UTC+25", "CET+25"}) {
            assertThat(update.run(store.request("p1", Map.of("timezone", typed), now)))
                    .as(typed).containsEntry("timezoneKnown", false).containsEntry("timezone", "CET");
        }
    }

    @Test
    void feedbackAndRecognitionAreKeptPrivatelyAndOnceEach() throws Exception {
        var feedback = new FeedbackActions.RecordFeedback(notes);
        var request = store.request("p1", Map.of("recipient", "Chris", "situation", "Sprint review",
                "behaviour", "Interrupted Mai twice", "impact", "Client missed the results", "shared", false), now);
        feedback.run(request);
        feedback.run(request);
        new FeedbackActions.RecordRecognition(notes).run(store.request("p1", Map.of("recipient", "Omar",
                "behaviour", "Fixed the outage", "shared", true), now));

        assertThat(notes.countByPersonIdAndKind("p1", Feedback.Kind.FEEDBACK)).isEqualTo(1);
        assertThat(notes.findAll()).extracting(Feedback::kind, Feedback::shared).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Feedback.Kind.FEEDBACK, false),
                org.assertj.core.groups.Tuple.tuple(Feedback.Kind.RECOGNITION, true));
    }

    @Test
    void peerSessionWithoutPartnerIsARehearsalAndWithPartnerWaitsForConsent() throws Exception {
        var record = new RecordPeerSession(peers);

        assertThat(record.run(store.request("coach", Map.of("agenda", "Saying no"), now))).containsEntry("rehearsal", true);
        record.run(store.request("coach", Map.of("agenda", "Saying no", "partner", "p2", "followUp", "2026-12-09"), now));

        assertThat(peers.findAll()).extracting(PeerSession::consent)
                .containsExactlyInAnyOrder(PeerSession.Consent.NOT_ASKED, PeerSession.Consent.PENDING);
    }

    @Test
    void onlyTheReportsManagerCanRecordAgreedActionsOnTheirSeries() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        ManagerLinks links = TestManagerLinks.on(store.mongo);
        links.importConfirmed("alex", "maria", now, false);
        var add = new OneOnOneActions.AddAgreedAction(series, links);

        add.run(store.request("maria", Map.of("report", "alex", "text", "Draft the budget", "due", "2026-12-10"), now));

        assertThat(series.findById("alex").orElseThrow().agreedActions()).singleElement()
                .satisfies(action -> assertThat(action.text()).isEqualTo("Draft the budget"));
        assertThatThrownBy(() -> add.run(store.request("peter", Map.of("report", "alex", "text", "Sneak in"), now)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(series.findById("alex").orElseThrow().agreedActions()).hasSize(1);
    }
}
