package dev.trellis.coaching.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.trellis.sharing.SharingPolicy;

/**
 * What a manager may see of a report, read now: the open talking points and the goals (not dropped) and the development plan the report
 * shared with them and has not withdrawn, while the manager link is confirmed. Every read of a report's records on a
 * manager's behalf goes through here, and so through {@link SharingPolicy}.
 */
@Component
class SharedWithManager {

    /** The report's name and the records the manager may see. */
    record View(String name, List<OneOnOne.TalkingPoint> points, List<Goal> goals, DevelopmentPlan plan,
                List<OneOnOne.AgreedAction> actions, java.time.Instant lastHeld) {
    }

    private final SharingPolicy policy;
    private final People people;
    private final OneOnOnes series;
    private final Goals goals;
    private final Plans plans;

    SharedWithManager(SharingPolicy policy, People people, OneOnOnes series, Goals goals, Plans plans) {
        this.plans = plans;
        this.policy = policy;
        this.people = people;
        this.series = series;
        this.goals = goals;
    }

    /** Null when {@code managerId} is not {@code reportId}'s confirmed manager: then nothing may be shown. */
    View view(String managerId, String reportId) {
        if (managerId == null || reportId == null || managerId.equals(reportId)) return null;
        SharingPolicy.Access access = policy.access(managerId, reportId);
        if (!access.asManager()) return null;
        OneOnOne reportSeries = series.findById(reportId).orElse(null);
        List<OneOnOne.TalkingPoint> points = (reportSeries == null ? List.<OneOnOne.TalkingPoint>of()
                : reportSeries.openPoints()).stream().filter(p -> access.maySee("talkingPoint", p.id())).toList();
        List<Goal> visible = goals.findByPersonIdOrderByCreatedAtAsc(reportId).stream()
                .filter(g -> g.status() != Goal.Status.DROPPED && access.maySee("goal", g.id())).toList();
        String name = people.findById(reportId).map(Person::name).filter(n -> !n.isBlank()).orElse("—");
        DevelopmentPlan plan = plans.findById(reportId).filter(d -> access.maySee("plan", d.id())).orElse(null);
        // agreed actions are the two's joint record of their 1:1 (either may record them): the confirmed link is
        // the gate, not a per-item consent; they are still read here, at the moment they are shown
        List<OneOnOne.AgreedAction> actions = reportSeries == null ? List.of() : reportSeries.agreedActions();
        return new View(name, points, visible, plan, actions, reportSeries == null ? null : reportSeries.lastHeldAt());
    }
}
