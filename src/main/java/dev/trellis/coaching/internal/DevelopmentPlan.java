package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's individual development plan (one per person, {@code id} is the person id): where they want to go,
 * the skill gaps on the way, and the development activities that close them.
 */
@Document("plans")
public record DevelopmentPlan(@Id String id, String personId, String aspiration, List<SkillGap> skillGaps,
                              List<Activity> activities, Instant updatedAt,
                              @Version Long version) {

    /** A new DevelopmentPlan, not stored yet (the store sets its version). */
    public DevelopmentPlan(String id, String personId, String aspiration, List<SkillGap> skillGaps, List<Activity> activities, Instant updatedAt) {
        this(id, personId, aspiration, skillGaps, activities, updatedAt, null);
    }


    /** The kinds of development the career literature names. */
    public enum Kind { TRAINING, MENTORING, JOB_ROTATION, SECONDMENT, SHADOWING, STRETCH_PROJECT, OTHER }

    public enum ActivityStatus { PLANNED, IN_PROGRESS, DONE, DROPPED }

    /** A skill the person wants to build: where they are and where they want to be, 1–10. */
    public record SkillGap(String id, String skill, Integer current, Integer target) {
    }

    public record Activity(String id, Kind kind, String description, String skill, LocalDate targetDate,
                           ActivityStatus status, Instant createdAt) {
    }

    @PersistenceCreator
    public DevelopmentPlan {
        skillGaps = skillGaps == null ? List.of() : List.copyOf(skillGaps);
        activities = activities == null ? List.of() : List.copyOf(activities);
    }

    public static DevelopmentPlan empty(String personId, Instant now) {
        return new DevelopmentPlan(personId, personId, null, List.of(), List.of(), now);
    }

    /** With {@code activity} added, unless one with its id is already in (a re-applied turn). */
    public DevelopmentPlan withActivity(Activity activity, Instant now) {
        if (activities.stream().anyMatch(a -> a.id().equals(activity.id()))) {
            return this;
        }
        List<Activity> next = new ArrayList<>(activities);
        next.add(activity);
        return new DevelopmentPlan(id, personId, aspiration, skillGaps, next, now, version);
    }

    /** With {@code gap} added, unless one with its id is already in. */
    public DevelopmentPlan withSkillGap(SkillGap gap, Instant now) {
        if (skillGaps.stream().anyMatch(g -> g.id().equals(gap.id()))) {
            return this;
        }
        List<SkillGap> next = new ArrayList<>(skillGaps);
        next.add(gap);
        return new DevelopmentPlan(id, personId, aspiration, next, activities, now, version);
    }

    public DevelopmentPlan withAspiration(String text, Instant now) {
        return new DevelopmentPlan(id, personId, text, skillGaps, activities, now, version);
    }
}
