package dev.trellis.coaching.internal;

import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** Actions on the person's development plan. */
final class PlanActions {

    private PlanActions() {
    }

    static DevelopmentPlan.Kind kind(String text) {
        String key = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "_");
        return switch (key) {
            case "training", "course", "workshop" -> DevelopmentPlan.Kind.TRAINING;
            case "mentoring", "mentor", "mentorship" -> DevelopmentPlan.Kind.MENTORING;
            case "job_rotation", "rotation" -> DevelopmentPlan.Kind.JOB_ROTATION;
            case "secondment" -> DevelopmentPlan.Kind.SECONDMENT;
            case "shadowing", "job_shadowing" -> DevelopmentPlan.Kind.SHADOWING;
            case "stretch_project", "stretch", "stretch_assignment" -> DevelopmentPlan.Kind.STRETCH_PROJECT;
            case "other" -> DevelopmentPlan.Kind.OTHER;
            default -> throw new IllegalArgumentException("unknown activity kind '" + key + "'");
        };
    }

    /**
     * {@code plan.addActivity} with {@code kind} (training, mentoring, job-rotation, secondment, shadowing,
     * stretch-project, other), {@code description}, optional {@code skill} and {@code targetDate}; returns
     * {@code id}, {@code count} (activities in the plan) and {@code planId} (what a share step names).
     */
    @Component
    @ActionName("plan.addActivity")
    static final class AddActivity implements ActionHandler {
        private final Plans plans;

        AddActivity(Plans plans) {
            this.plans = plans;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            DevelopmentPlan.Activity activity = new DevelopmentPlan.Activity(in.id(), kind(in.text("kind")),
                    in.text("description"), in.optionalText("skill"), in.optionalDate("targetDate"),
                    DevelopmentPlan.ActivityStatus.PLANNED, in.now());
            DevelopmentPlan plan = plans.findById(in.personId())
                    .orElseGet(() -> DevelopmentPlan.empty(in.personId(), in.now())).withActivity(activity, in.now());
            plans.save(plan);
            return Map.of("id", activity.id(), "count", (long) plan.activities().size(), "planId", plan.id());
        }
    }

    /** {@code plan.addSkillGap} with {@code skill}, optional {@code current} and {@code target} (1–10); returns {@code id}. */
    @Component
    @ActionName("plan.addSkillGap")
    static final class AddSkillGap implements ActionHandler {
        private final Plans plans;

        AddSkillGap(Plans plans) {
            this.plans = plans;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            DevelopmentPlan.SkillGap gap = new DevelopmentPlan.SkillGap(in.id(), in.text("skill"),
                    in.raw("current") == null ? null : in.integer("current", 1, 10),
                    in.raw("target") == null ? null : in.integer("target", 1, 10));
            DevelopmentPlan plan = plans.findById(in.personId())
                    .orElseGet(() -> DevelopmentPlan.empty(in.personId(), in.now())).withSkillGap(gap, in.now());
            plans.save(plan);
            return Map.of("id", gap.id(), "count", (long) plan.skillGaps().size());
        }
    }

    /** {@code plan.setAspiration} with {@code aspiration}: where the person wants their career to go. */
    @Component
    @ActionName("plan.setAspiration")
    static final class SetAspiration implements ActionHandler {
        private final Plans plans;

        SetAspiration(Plans plans) {
            this.plans = plans;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            plans.save(plans.findById(in.personId()).orElseGet(() -> DevelopmentPlan.empty(in.personId(), in.now()))
                    .withAspiration(in.text("aspiration"), in.now()));
            return Map.of("saved", true);
        }
    }
}
