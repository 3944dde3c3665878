package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.sharing.Audience;
import dev.trellis.sharing.Consents;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.sharing.SharedItem;
import dev.trellis.sharing.SharingPolicy;
import dev.trellis.sharing.TestManagerLinks;

/**
 * What a manager sees of a report before a 1:1 goes through the sharing policy: only items the report shared with a
 * yes, only while the manager link holds, and never after the report withdrew the consent.
 */
class OneOnOneActionsTest {

    private final CoachingStore store = new CoachingStore();
    private final People people = store.repository(People.class);
    private final Goals goals = store.repository(Goals.class);
    private final Plans plans = store.repository(Plans.class);
    private final OneOnOnes series = store.repository(OneOnOnes.class);
    private final Consents consents = Consents.in(store.mongo);
    /** The real manager links, on this test's store. */
    private final ManagerLinks managerLinks = TestManagerLinks.on(store.mongo);
    private final SharedWithManager shared = new SharedWithManager(
            new SharingPolicy(consents, managerLinks, (coach, person) -> false), people, series, goals, plans);
    private final OneOnOneActions.AddTalkingPoint addPoint = new OneOnOneActions.AddTalkingPoint(series, managerLinks);
    private final OneOnOneActions.Brief brief = new OneOnOneActions.Brief(shared);
    private final OneOnOneActions.ShowShared show = new OneOnOneActions.ShowShared(shared, CoachingTextsTest.english());
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    private String point(String text) throws Exception {
        return (String) addPoint.run(store.request("alex", Map.of("text", text), now)).get("id");
    }

    private String goal(String title) throws Exception {
        return (String) new GoalActions.Create(goals).run(store.request("alex", Map.of("title", title), now)).get("id");
    }

    private void share(String kind, String id) {
        consents.give("c-" + kind + "-" + id, "alex", new SharedItem(kind, id), Audience.MANAGER, now);
    }

    private String shown(String what) throws Exception {
        return String.valueOf(show.run(store.request("maria", Map.of("report", "alex", "what", what), now)).get("show"));
    }

    @Test
    void aManagerSeesOnlyTheItemsTheReportSharedWithAYes() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        share("talkingPoint", point("Conference budget"));
        point("Thinking of leaving");
        share("goal", goal("Lead the guild"));
        goal("Find a mentor outside the company");

        assertThat(brief.run(store.request("maria", Map.of("report", "alex"), now))).containsEntry("allowed", true)
                .containsEntry("name", "Alex").containsEntry("points", 1L).containsEntry("goals", 1L);
        assertThat(shown("talkingPoints")).isEqualTo("Talking points Alex shared with you:\n• Conference budget");
        assertThat(shown("goals")).contains("Lead the guild").doesNotContain("mentor");
    }

    @Test
    void anUnsharedGoalCannotBeReadEvenWhenTheManagerAsksForGoals() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        goal("Find a mentor outside the company");

        assertThat(shown("goals")).isEqualTo("No goals shared with you yet.");
        assertThat(shown("plan")).isEqualTo("null");
    }

    @Test
    void aWithdrawnConsentHidesTheItemAtOnce() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        share("talkingPoint", point("Conference budget"));
        assertThat(shown("talkingPoints")).contains("Conference budget");

        String consent = consents.active("alex").get(0).id();
        assertThat(consents.withdraw("maria", consent, now)).as("only Alex can withdraw Alex's consent").isFalse();
        assertThat(consents.withdraw("alex", consent, now)).isTrue();

        assertThat(shown("talkingPoints")).isEqualTo("No talking points shared with you yet.");
        assertThat(brief.run(store.request("maria", Map.of("report", "alex"), now))).containsEntry("points", 0L);
    }

    @Test
    void theManagerLosesAccessWhenTheLinkEnds() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        share("talkingPoint", point("Conference budget"));
        share("goal", goal("Lead the guild"));
        assertThat(shown("talkingPoints")).contains("Conference budget");

        managerLinks.forget("alex");

        assertThat(brief.run(store.request("maria", Map.of("report", "alex"), now))).isEqualTo(Map.of("allowed", false));
        assertThat(shown("talkingPoints")).isEqualTo("Nothing is shared with you right now.");
        assertThat(shown("goals")).isEqualTo("Nothing is shared with you right now.");
    }

    @Test
    void aManagerOnThePersonRecordButWithoutAConfirmedLinkSeesNothing() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        share("talkingPoint", point("Conference budget"));

        assertThat(brief.run(store.request("maria", Map.of("report", "alex"), now))).isEqualTo(Map.of("allowed", false));
        assertThat(brief.run(store.request("peter", Map.of("report", "nobody"), now))).isEqualTo(Map.of("allowed", false));
    }

    @Test
    void aSharedPlanIsReadFromThePlanItself() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        var added = new PlanActions.AddActivity(plans).run(store.request("alex",
                Map.of("kind", "training", "description", "Design course"), now));
        share("plan", (String) added.get("planId"));

        assertThat(shown("plan")).startsWith("The development plan Alex shares with you:").contains("• Design course");
    }

    @Test
    void reappliedTalkingPointIsAddedOnce() throws Exception {
        var request = store.request("alex", Map.of("text", "Conference budget"), now);
        addPoint.run(request);

        assertThat(addPoint.run(request)).containsEntry("count", 1L);
    }

    @Test
    void afterTheOneOnOneIsHeldOldTalkingPointsAreNoLongerShown() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, false, now, now));
        managerLinks.importConfirmed("alex", "maria", now, false);
        share("talkingPoint", point("Conference budget"));
        new OneOnOneActions.AddAgreedAction(series, managerLinks).run(store.request("maria",
                Map.of("report", "alex", "text", "Alex drafts the budget"), now.plusSeconds(3600)));
        String later = (String) addPoint.run(store.request("alex", Map.of("text", "Team offsite"),
                now.plusSeconds(7200))).get("id");
        share("talkingPoint", later);

        assertThat(shown("talkingPoints")).isEqualTo("Talking points Alex shared with you:\n• Team offsite");
    }
}
