package dev.trellis.coaching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.trellis.flow.FlowRules;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.sharing.TestManagerLinks;

class CoachingContextTest {

    private final CoachingStore store = new CoachingStore();
    private final People people = store.repository(People.class);
    private final Goals goals = store.repository(Goals.class);
    private final CheckIns checkIns = store.repository(CheckIns.class);
    private final WheelRatings wheels = store.repository(WheelRatings.class);
    private final Plans plans = store.repository(Plans.class);
    private final OneOnOnes oneOnOnes = store.repository(OneOnOnes.class);
    private final CoachingSessions sessions = store.repository(CoachingSessions.class);
    private final SessionRatings ratings = store.repository(SessionRatings.class);
    private final ManagerLinks links = TestManagerLinks.on(store.mongo);
    private final CoachingContext context = new CoachingContext(people, goals, wheels, plans, oneOnOnes,
            store.repository(PeerSessions.class), sessions, ratings, checkIns, CoachingTextsTest.english(), links);
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aNewPersonHasEmptyButUsableContextUnderTheAgreedNames() {
        Map<String, Object> loaded = context.load("web", "newbie");

        assertThat(FlowRules.CONTEXT_VARIABLES).containsAll(loaded.keySet());
        assertThat(loaded.get("goals")).isEqualTo(Map.of("active", List.of(), "count", 0L, "done", 0L, "total", 0L));
        assertThat(loaded.get("lastSession")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("exists", false);
        assertThat(loaded.get("wheels")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("count", 0L).containsEntry("latest", Map.of());
    }

    @Test
    void activeGoalsCarryProgressAndTheFigureBefore() throws Exception {
        var create = new GoalActions.Create(goals);
        var checkIn = new GoalActions.RecordCheckIn(goals, checkIns, people,
                CoachingTextsTest.english());
        String id = (String) create.run(store.request("p1", Map.of("title", "Ship it", "due", "2027-01-31"), now)).get("id");
        checkIn.run(store.request("p1", Map.of("goal", id, "progress", 4L), now));
        String done = (String) create.run(store.request("p1", Map.of("title", "Old one"), now)).get("id");
        checkIn.run(store.request("p1", Map.of("goal", done, "progress", 10L), now));

        @SuppressWarnings("unchecked")
        Map<String, Object> loaded = (Map<String, Object>) context.load("web", "p1").get("goals");

        assertThat(loaded).containsEntry("count", 1L).containsEntry("done", 1L);
        assertThat((List<?>) loaded.get("active")).singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("id", id)
                .containsEntry("title", "Ship it").containsEntry("progress", 4L).containsEntry("lastProgress", 4L)
                .containsEntry("due", "2027-01-31");
    }

    @Test
    void aManagerSeesTheirReportsOnlyOnceTheyConfirmed() {
        people.save(new Person("p2", Map.of(), "Alex", null, null, null, false, now, now));
        var link = links.propose("p2", "boss", now);

        assertThat(context.load("web", "boss").get("oneOnOnes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("isManager", false);
        assertThat(context.load("web", "p2").get("person")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("hasManager", false);

        links.confirm(link.id(), "boss", now);

        @SuppressWarnings("unchecked")
        Map<String, Object> one = (Map<String, Object>) context.load("web", "boss").get("oneOnOnes");
        assertThat(one).containsEntry("isManager", true)
                .containsEntry("reports", List.of(Map.of("id", "p2", "name", "Alex")));
        assertThat(context.load("web", "p2").get("person")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("hasManager", true)
                .containsEntry("managerId", "boss");

        links.end(link.id(), "p2", now);

        assertThat(context.load("web", "boss").get("oneOnOnes")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("isManager", false);
    }

    @Test
    void lastSessionIsTheLatestLoggedFlowAndKnowsWhenItWasRated() throws Exception {
        var log = new SessionActions.Log(sessions);
        var rate = new SessionActions.Rate(sessions, ratings);
        log.run(store.request("p1", Map.of("title", "Career wheel"), now));

        assertThat(context.load("web", "p1").get("lastSession")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("exists", true)
                .containsEntry("title", "Career wheel").containsEntry("rated", false);
        assertThat(rate.run(store.request("p1", Map.of("rating", 4L), now))).containsEntry("rated", true);
        assertThat(context.load("web", "p1").get("lastSession")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("rated", true);
    }

    @Test
    void ratingWithoutAnySessionSaysSo() throws Exception {
        assertThat(new SessionActions.Rate(sessions, ratings).run(store.request("p1", Map.of("rating", 4L), now)))
                .isEqualTo(Map.of("rated", false));
        assertThat(ratings.count()).isZero();
    }
}
