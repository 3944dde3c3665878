package dev.trellis.coaching.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.coaching.ProgressReaction;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** Actions on goals: create one, record a check-in. */
final class GoalActions {

    private GoalActions() {
    }

    /**
     * {@code goals.create} with {@code title}, optional {@code measure}, {@code why}, {@code confidence} (1–10),
     * {@code due} (ISO date) and {@code visibility} ({@code private} or {@code manager}); returns {@code id},
     * {@code title}.
     */
    @Component
    @ActionName("goals.create")
    static final class Create implements ActionHandler {
        private final Goals goals;

        Create(Goals goals) {
            this.goals = goals;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            // the same key again: the turn re-applied (same answers) or the step redone after "back" (new answers)
            Goal goal = goals.findById(in.id())
                    .map(existing -> {
                        Goal redefined = existing.withDefinition(in.text("title"), in.optionalText("measure"),
                                in.optionalText("why"), confidence(in), in.optionalDate("due"), visibility(in),
                                in.now());
                        return redefined == existing ? existing : goals.save(redefined);
                    })
                    .orElseGet(() -> goals.save(new Goal(in.id(), in.personId(),
                    in.text("title"), in.optionalText("measure"), in.optionalText("why"), confidence(in),
                    in.optionalDate("due"), Goal.Status.ACTIVE, 0, List.of(), visibility(in), in.now(), in.now())));
            return Map.of("id", goal.id(), "title", goal.title());
        }

        private static Integer confidence(ActionInput in) {
            return in.raw("confidence") == null ? null : in.integer("confidence", 1, 10);
        }

        private static Goal.Visibility visibility(ActionInput in) {
            return "manager".equalsIgnoreCase(in.optionalText("visibility")) ? Goal.Visibility.MANAGER
                    : Goal.Visibility.PRIVATE;
        }
    }

    /**
     * {@code goals.recordCheckIn} with {@code goal} (its id), {@code progress} (0–10), optional {@code note},
     * {@code obstacle}, {@code nextStep}. Adds the figure to the goal's history (once per request), marks the goal
     * done at 10, and returns the coach's reaction: {@code trend} (first, up, down, stalled, finished),
     * {@code reaction} (text), {@code from}, {@code to}, {@code stalledFor}, {@code finished}, and the check-in's
     * {@code id}.
     */
    @Component
    @ActionName("goals.recordCheckIn")
    static final class RecordCheckIn implements ActionHandler {
        private final Goals goals;
        private final CheckIns checkIns;
        private final People people;
        private final CoachingTexts texts;
        private final ProgressReaction reactions = new ProgressReaction();

        RecordCheckIn(Goals goals, CheckIns checkIns, People people, CoachingTexts texts) {
            this.goals = goals;
            this.checkIns = checkIns;
            this.people = people;
            this.texts = texts;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String goalId = in.text("goal");
            Goal goal = goals.findByIdAndPersonId(goalId, in.personId())
                    .orElseThrow(() -> new IllegalArgumentException("no goal " + goalId + " for this person"));
            int progress = in.integer("progress", 0, 10);
            String checkInId = in.id();
            List<Integer> earlier = goal.history().stream().filter(p -> !p.checkInId().equals(checkInId))
                    .map(Goal.Progress::value).toList();
            ProgressReaction.Reaction reaction = reactions.react(earlier, progress);
            checkIns.save(new CheckIn(checkInId, in.personId(), goal.id(), progress,
                    earlier.isEmpty() ? null : earlier.get(earlier.size() - 1), in.optionalText("note"),
                    in.optionalText("obstacle"), in.optionalText("nextStep"), reaction.trend().name(), in.now()));
            goals.save(goal.withProgress(checkInId, progress, in.now()));
            String locale = request.locale();
            return Map.of("id", checkInId, "trend", reaction.trend().name().toLowerCase(),
                    "reaction", texts.text(locale, reaction.messageKey(), reaction.values()),
                    "from", (long) reaction.from(), "to", (long) reaction.to(),
                    "stalledFor", (long) reaction.stalledFor(),
                    "finished", reaction.trend() == ProgressReaction.Trend.FINISHED);
        }
    }

    /**
     * {@code goals.noteCheckIn} with {@code checkIn} (the id {@code goals.recordCheckIn} returned), optional
     * {@code note}, {@code obstacle}, {@code nextStep}: adds what the person said after seeing their progress.
     */
    @Component
    @ActionName("goals.noteCheckIn")
    static final class NoteCheckIn implements ActionHandler {
        private final CheckIns checkIns;

        NoteCheckIn(CheckIns checkIns) {
            this.checkIns = checkIns;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String id = in.text("checkIn");
            CheckIn old = checkIns.findById(id).filter(c -> c.personId().equals(in.personId()))
                    .orElseThrow(() -> new IllegalArgumentException("no check-in " + id + " for this person"));
            checkIns.save(new CheckIn(old.id(), old.personId(), old.goalId(), old.progress(), old.previousProgress(),
                    keep(in.optionalText("note"), old.note()), keep(in.optionalText("obstacle"), old.obstacle()),
                    keep(in.optionalText("nextStep"), old.nextStep()), old.trend(), old.at()));
            return Map.of("id", id);
        }

        private static String keep(String given, String old) {
            return given == null ? old : given;
        }
    }

    /**
     * {@code goals.setStatus} with {@code goal} (its id) and {@code status} ({@code active}, {@code done} or
     * {@code dropped}): a person may finish, let go of, or revive a goal; history is kept either way.
     */
    @Component
    @ActionName("goals.setStatus")
    static final class SetStatus implements ActionHandler {
        private final Goals goals;

        SetStatus(Goals goals) {
            this.goals = goals;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String goalId = in.text("goal");
            Goal goal = goals.findByIdAndPersonId(goalId, in.personId())
                    .orElseThrow(() -> new IllegalArgumentException("no goal " + goalId + " for this person"));
            Goal.Status status = switch (in.text("status").toLowerCase(Locale.ROOT)) {
                case "active" -> Goal.Status.ACTIVE;
                case "done" -> Goal.Status.DONE;
                case "dropped" -> Goal.Status.DROPPED;
                default -> throw new IllegalArgumentException("argument 'status' must be active, done or dropped");
            };
            goals.save(goal.withStatus(status, in.now()));
            return Map.of("status", status.name().toLowerCase(Locale.ROOT));
        }
    }

    /**
     * {@code goals.update} with {@code goal} (its id) and optional {@code measure} and {@code due} (ISO date): adjusts
     * a goal that stalled or is overdue; what is left out stays as it was.
     */
    @Component
    @ActionName("goals.update")
    static final class Update implements ActionHandler {
        private final Goals goals;

        Update(Goals goals) {
            this.goals = goals;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String goalId = in.text("goal");
            Goal goal = goals.findByIdAndPersonId(goalId, in.personId())
                    .orElseThrow(() -> new IllegalArgumentException("no goal " + goalId + " for this person"));
            String measure = in.optionalText("measure");
            Goal updated = goals.save(goal.withPlan(measure == null || measure.isBlank() ? null : measure,
                    in.optionalDate("due"), in.now()));
            return Map.of("due", updated.due() == null ? "" : updated.due().toString(),
                    "measure", updated.measure() == null ? "" : updated.measure());
        }
    }
}
