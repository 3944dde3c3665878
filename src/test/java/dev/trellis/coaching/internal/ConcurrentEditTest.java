package dev.trellis.coaching.internal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two conversations changing the same record (a check-in on the web and one in Slack, a manager's agreed action
 * and the report's talking point) never silently overwrite each other: the later write fails, the action
 * apologises, and the person can try again on top of the other change.
 */
class ConcurrentEditTest {

    private final CoachingStore store = new CoachingStore();
    private final Goals goals = store.repository(Goals.class);
    private final OneOnOnes oneOnOnes = store.repository(OneOnOnes.class);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void laterOfTwoCheckInsOnTheSameGoalFailsInsteadOfErasingTheFirst() {
        goals.save(new Goal("g1", "ana", "Give two talks", "2 talks", null, 8, null, null, 0, null, null, now, now));
        Goal onWeb = goals.findById("g1").orElseThrow();
        Goal inSlack = goals.findById("g1").orElseThrow();

        goals.save(onWeb.withProgress("web-1", 4, now));

        assertThatThrownBy(() -> goals.save(inSlack.withProgress("slack-1", 6, now)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        Goal stored = goals.findById("g1").orElseThrow();
        assertThat(stored.history()).extracting(Goal.Progress::checkInId).containsExactly("web-1");
        goals.save(stored.withProgress("slack-1", 6, now));
        assertThat(goals.findById("g1").orElseThrow().history()).extracting(Goal.Progress::checkInId)
                .containsExactly("web-1", "slack-1");
    }

    @Test
    void managersActionAndReportsTalkingPointBothSurviveOrOneIsRefused() {
        oneOnOnes.save(OneOnOne.start("alex", "maria", now));
        OneOnOne report = oneOnOnes.findById("alex").orElseThrow();
        OneOnOne manager = oneOnOnes.findById("alex").orElseThrow();

        oneOnOnes.save(report.withTalkingPoint(new OneOnOne.TalkingPoint("tp-1", "Conference budget", true, now), now));

        assertThatThrownBy(() -> oneOnOnes.save(manager.withAgreedAction(new OneOnOne.AgreedAction("aa-1", "Book the conference", "maria", null, false, now), now)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(oneOnOnes.findById("alex").orElseThrow().talkingPoints()).hasSize(1);
    }
}
