package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.engine.ActionHandler;

class GoalActionsTest {

    private final CoachingStore store = new CoachingStore();
    private final Goals goals = store.repository(Goals.class);
    private final CheckIns checkIns = store.repository(CheckIns.class);
    private final GoalActions.Create create = new GoalActions.Create(goals);
    private final GoalActions.RecordCheckIn checkIn = new GoalActions.RecordCheckIn(goals, checkIns,
            store.repository(People.class), CoachingTextsTest.english());
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void actionsAreNamedAsFlowsCallThem() {
        assertThat(create.name()).isEqualTo("goals.create");
        assertThat(checkIn.name()).isEqualTo("goals.recordCheckIn");
    }

    @Test
    void reappliedCreateMakesOneGoal() throws Exception {
        ActionHandler.Request request = store.request("p1", Map.of("title", "Give two talks", "measure", "2 talks",
                "due", "2027-03-01", "confidence", 8L, "visibility", "manager"), now);

        Map<String, Object> first = create.run(request);
        Map<String, Object> again = create.run(request);

        assertThat(again).isEqualTo(first);
        assertThat(goals.findByPersonIdOrderByCreatedAtAsc("p1")).singleElement().satisfies(goal -> {
            assertThat(goal.title()).isEqualTo("Give two talks");
            assertThat(goal.due()).hasToString("2027-03-01");
            assertThat(goal.visibility()).isEqualTo(Goal.Visibility.MANAGER);
        });
    }

    @Test
    void createRedoneAfterBackUpdatesTheGoalInsteadOfAddingOne() throws Exception {
        ActionHandler.Request first = store.request("p1", Map.of("title", "Give two talks"), now);
        String id = (String) create.run(first).get("id");
        ActionHandler.Request redone = new ActionHandler.Request(first.conversationId(), first.personId(),
                first.flowId(), first.stepId(), first.idempotencyKey(), Map.of("title", "Give three talks"),
                now.plusSeconds(60));

        Map<String, Object> result = create.run(redone);

        assertThat(result).containsEntry("id", id).containsEntry("title", "Give three talks");
        assertThat(goals.findByPersonIdOrderByCreatedAtAsc("p1")).singleElement()
                .extracting(Goal::title).isEqualTo("Give three talks");
    }

    @Test
    void checkInsBuildHistoryOnceEachAndReactToTheTrend() throws Exception {
        String goalId = (String) create.run(store.request("p1", Map.of("title", "Ship the migration"), now)).get("id");

        assertThat(checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 3L), now))).containsEntry("trend", "first");
        ActionHandler.Request up = store.request("p1", Map.of("goal", goalId, "progress", 5L, "nextStep", "pair"), now);
        assertThat(checkIn.run(up)).containsEntry("trend", "up").containsEntry("from", 3L);
        assertThat(checkIn.run(up)).containsEntry("trend", "up");
        assertThat(checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 5L), now)))
                .containsEntry("trend", "stalled").containsEntry("stalledFor", 2L);
        assertThat(checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 2L), now)))
                .containsEntry("trend", "down");

        Goal goal = goals.findById(goalId).orElseThrow();
        assertThat(goal.history()).extracting(Goal.Progress::value).containsExactly(3, 5, 5, 2);
        assertThat(goal.progress()).isEqualTo(2);
        assertThat(checkIns.findByPersonIdAndGoalIdOrderByAtAsc("p1", goalId)).hasSize(4);
    }

    @Test
    void reachingTenFinishesTheGoal() throws Exception {
        String goalId = (String) create.run(store.request("p1", Map.of("title", "Pass the exam"), now)).get("id");

        assertThat(checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 10L), now)))
                .containsEntry("finished", true);
        assertThat(goals.findById(goalId).orElseThrow().status()).isEqualTo(Goal.Status.DONE);
    }

    @Test
    void someoneElsesGoalOrABadFigureIsRefusedAndNothingIsStored() throws Exception {
        String goalId = (String) create.run(store.request("p1", Map.of("title", "Pass the exam"), now)).get("id");

        assertThatThrownBy(() -> checkIn.run(store.request("intruder", Map.of("goal", goalId, "progress", 4L), now)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 11L), now)))
                .hasMessageContaining("progress");
        assertThat(goals.findById(goalId).orElseThrow().history()).isEmpty();
        assertThat(checkIns.count()).isZero();
        assertThatThrownBy(() -> create.run(store.request("p1", Map.of("title", "  "), now)))
                .hasMessageContaining("title");
        assertThat(goals.findByPersonIdOrderByCreatedAtAsc("p1")).extracting(Goal::title).isEqualTo(List.of("Pass the exam"));
    }

    @Test
    void aGoalLetGoIsNoLongerActiveButKeepsItsHistory() throws Exception {
        String goalId = (String) create.run(store.request("p1", Map.of("title", "Write three posts"), now)).get("id");
        checkIn.run(store.request("p1", Map.of("goal", goalId, "progress", 4L), now));
        var setStatus = new GoalActions.SetStatus(goals);

        assertThat(setStatus.run(store.request("p1", Map.of("goal", goalId, "status", "dropped"), now)))
                .containsEntry("status", "dropped");
        assertThat(goals.findById(goalId).orElseThrow()).satisfies(goal -> {
            assertThat(goal.status()).isEqualTo(Goal.Status.DROPPED);
            assertThat(goal.history()).hasSize(1);
        });
        assertThatThrownBy(() -> setStatus.run(store.request("p1", Map.of("goal", goalId, "status", "gone"), now)))
                .hasMessageContaining("status");
    }
}
