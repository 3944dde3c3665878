package dev.trellis.coaching.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.PersonContext;
import dev.trellis.flow.MessageBundle;

/**
 * The real coaching action handlers and person context on an in-memory MongoDB, built without Spring, for
 * transcript tests. People named in {@link #REPORTS} are seeded so the manager flows have someone to prepare for.
 */
public final class CoachingFixture implements AutoCloseable {

    /** Seeded reports: report id → manager id. Transcripts use these ids as the manager's person. */
    public static final Map<String, String> REPORTS = Map.of("alex", "transcript-manager-nudge-brief");

    private final CoachingStore store = new CoachingStore();
    private final List<ActionHandler> handlers;
    private final PersonContext context;

    public CoachingFixture(MessageBundle messages) {
        People people = store.repository(People.class);
        Goals goals = store.repository(Goals.class);
        CheckIns checkIns = store.repository(CheckIns.class);
        WheelRatings wheels = store.repository(WheelRatings.class);
        Plans plans = store.repository(Plans.class);
        OneOnOnes oneOnOnes = store.repository(OneOnOnes.class);
        PeerSessions peers = store.repository(PeerSessions.class);
        FeedbackNotes feedback = store.repository(FeedbackNotes.class);
        SessionRatings ratings = store.repository(SessionRatings.class);
        CoachingSessions sessions = store.repository(CoachingSessions.class);
        var bundle = new StaticListableBeanFactory(Map.of("messages", messages)).getBeanProvider(MessageBundle.class);
        handlers = List.of(new GoalActions.Create(goals), new GoalActions.RecordCheckIn(goals, checkIns),
                new GoalActions.NoteCheckIn(checkIns), new WheelActions(wheels, store.repository(ChartImageStore.class)),
                new PlanActions.AddActivity(plans), new PlanActions.AddSkillGap(plans),
                new PlanActions.SetAspiration(plans), new TechniqueActions.Paraphrase(),
                new TechniqueActions.Summarise(),
                new TechniqueActions.NextQuestion(bundle, people, store.repository(AskedQuestions.class)),
                new TechniqueActions.Check(people), new OneOnOneActions.AddTalkingPoint(oneOnOnes, people),
                new OneOnOneActions.AddAgreedAction(oneOnOnes, people), new OneOnOneActions.SetNextDate(oneOnOnes, people),
                new OneOnOneActions.Brief(oneOnOnes, people, goals), new FeedbackActions.RecordFeedback(feedback),
                new FeedbackActions.RecordRecognition(feedback), new SessionActions.Log(sessions),
                new SessionActions.Rate(sessions, ratings), new PersonActions(people), new PeerActions(peers));
        context = new CoachingContext(people, goals, wheels, plans, oneOnOnes, peers, sessions, ratings);
        seed(people, oneOnOnes, goals);
    }

    private static void seed(People people, OneOnOnes oneOnOnes, Goals goals) {
        Instant at = Instant.parse("2026-11-01T09:00:00Z");
        REPORTS.forEach((report, manager) -> {
            people.save(new Person(report, Map.of(), "Alex", "Europe/Berlin", "en", null, manager, false, at, at));
            oneOnOnes.save(OneOnOne.start(report, manager, at)
                    .withTalkingPoint(new OneOnOne.TalkingPoint("tp1", "Budget for the conference in March", true, at), at)
                    .withTalkingPoint(new OneOnOne.TalkingPoint("tp2", "Unsure whether I want to stay", false, at), at));
            goals.save(new Goal("g-shared", report, "Run the team's first chaos day", "held with 3 teams", null, 7,
                    null, Goal.Status.ACTIVE, 0, List.of(), Goal.Visibility.MANAGER, at, at)
                    .withProgress("c1", 3, at).withProgress("c2", 6, at));
            goals.save(new Goal("g-private", report, "Find a mentor outside the company", null, null, null, null,
                    Goal.Status.ACTIVE, 0, List.of(), Goal.Visibility.PRIVATE, at, at));
        });
    }

    public List<ActionHandler> handlers() {
        return handlers;
    }

    public Set<String> actionNames() {
        return handlers.stream().map(ActionHandler::name).collect(Collectors.toSet());
    }

    public PersonContext context() {
        return context;
    }

    @Override
    public void close() {
        store.close();
    }
}
