package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OneOnOneActionsTest {

    private final CoachingStore store = new CoachingStore();
    private final People people = store.repository(People.class);
    private final Goals goals = store.repository(Goals.class);
    private final OneOnOnes series = store.repository(OneOnOnes.class);
    private final OneOnOneActions.AddTalkingPoint addPoint = new OneOnOneActions.AddTalkingPoint(series, people);
    private final OneOnOneActions.Brief brief = new OneOnOneActions.Brief(series, people, goals);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void managerSeesOnlyWhatTheReportShared() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, "maria", false, now, now));
        addPoint.run(store.request("alex", Map.of("text", "Conference budget", "shared", true), now));
        addPoint.run(store.request("alex", Map.of("text", "Thinking of leaving", "shared", false), now));
        var create = new GoalActions.Create(goals);
        create.run(store.request("alex", Map.of("title", "Lead the guild", "visibility", "manager"), now));
        create.run(store.request("alex", Map.of("title", "Private goal"), now));

        Map<String, Object> result = brief.run(store.request("maria", Map.of("report", "alex"), now));

        assertThat(result).containsEntry("allowed", true).containsEntry("name", "Alex")
                .containsEntry("points", List.of("Conference budget"));
        assertThat(result.toString()).doesNotContain("Thinking of leaving").doesNotContain("Private goal")
                .contains("Lead the guild");
    }

    @Test
    void someoneWhoIsNotTheManagerGetsNothing() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, "maria", false, now, now));
        addPoint.run(store.request("alex", Map.of("text", "Conference budget", "shared", true), now));

        assertThat(brief.run(store.request("peter", Map.of("report", "alex"), now))).isEqualTo(Map.of("allowed", false));
        assertThat(brief.run(store.request("peter", Map.of("report", "nobody"), now))).isEqualTo(Map.of("allowed", false));
    }

    @Test
    void reappliedTalkingPointIsAddedOnce() throws Exception {
        var request = store.request("alex", Map.of("text", "Conference budget", "shared", true), now);
        addPoint.run(request);

        assertThat(addPoint.run(request)).containsEntry("count", 1L).containsEntry("sharedCount", 1L);
    }

    @Test
    void afterTheOneOnOneIsHeldOldTalkingPointsAreNoLongerShown() throws Exception {
        people.save(new Person("alex", Map.of(), "Alex", null, null, null, "maria", false, now, now));
        addPoint.run(store.request("alex", Map.of("text", "Conference budget", "shared", true), now));
        new OneOnOneActions.AddAgreedAction(series, people).run(store.request("maria",
                Map.of("report", "alex", "text", "Alex drafts the budget"), now.plusSeconds(3600)));
        addPoint.run(store.request("alex", Map.of("text", "Team offsite", "shared", true), now.plusSeconds(7200)));

        assertThat(brief.run(store.request("maria", Map.of("report", "alex"), now.plusSeconds(9000))))
                .containsEntry("points", List.of("Team offsite"));
    }
}
