package dev.trellis.coaching.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/** Actions on the 1:1 series between a person and their manager. */
final class OneOnOneActions {

    private OneOnOneActions() {
    }

    static OneOnOne seriesOf(OneOnOnes series, People people, ActionInput in) {
        return series.findById(in.personId()).orElseGet(() -> OneOnOne.start(in.personId(),
                people.findById(in.personId()).map(Person::managerId).orElse(null), in.now()));
    }

    /**
     * {@code oneOnOne.addTalkingPoint} with {@code text} and {@code shared} (whether the manager may see it before
     * the 1:1); returns {@code id}, {@code count} and {@code sharedCount}.
     */
    @Component
    @ActionName("oneOnOne.addTalkingPoint")
    static final class AddTalkingPoint implements ActionHandler {
        private final OneOnOnes series;
        private final People people;

        AddTalkingPoint(OneOnOnes series, People people) {
            this.series = series;
            this.people = people;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            OneOnOne next = seriesOf(series, people, in).withTalkingPoint(
                    new OneOnOne.TalkingPoint(in.id(), in.text("text"), in.flag("shared"), in.now()), in.now());
            series.save(next);
            return Map.of("id", in.id(), "count", (long) next.openPoints().size(),
                    "sharedCount", (long) next.sharedPoints().size());
        }
    }

    /**
     * {@code oneOnOne.addAgreedAction} with {@code text}, optional {@code owner}, {@code due}, and {@code report}
     * (when a manager records it for a report's series; refused unless the caller is that person's manager);
     * returns {@code id} and {@code count}.
     */
    @Component
    @ActionName("oneOnOne.addAgreedAction")
    static final class AddAgreedAction implements ActionHandler {
        private final OneOnOnes series;
        private final People people;

        AddAgreedAction(OneOnOnes series, People people) {
            this.series = series;
            this.people = people;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String report = in.optionalText("report");
            OneOnOne current = report == null ? seriesOf(series, people, in) : reportSeries(report, in);
            OneOnOne next = current.withAgreedAction(new OneOnOne.AgreedAction(in.id(),
                    in.text("text"), in.optionalText("owner"), in.optionalDate("due"), false, in.now()), in.now())
                    .held(in.now());
            series.save(next);
            return Map.of("id", in.id(), "count", (long) next.agreedActions().size());
        }

        private OneOnOne reportSeries(String reportId, ActionInput in) {
            Person report = people.findById(reportId).filter(p -> in.personId().equals(p.managerId()))
                    .orElseThrow(() -> new IllegalArgumentException("person " + reportId + " does not report to the caller"));
            return series.findById(reportId).orElseGet(() -> OneOnOne.start(reportId, report.managerId(), in.now()));
        }
    }

    /** {@code oneOnOne.setNextDate} with {@code date} (ISO): when the next 1:1 is. */
    @Component
    @ActionName("oneOnOne.setNextDate")
    static final class SetNextDate implements ActionHandler {
        private final OneOnOnes series;
        private final People people;

        SetNextDate(OneOnOnes series, People people) {
            this.series = series;
            this.people = people;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            var date = in.optionalDate("date");
            if (date == null) {
                throw new IllegalArgumentException("argument 'date' is required");
            }
            series.save(seriesOf(series, people, in).withNextDate(date, in.now()));
            return Map.of("date", date.toString());
        }
    }

    /**
     * {@code oneOnOne.brief} with {@code report} (a person id): what a manager may see before a 1:1 with that
     * person — only the talking points the person shared and the goals they made visible to their manager.
     * Returns {@code allowed} false (and nothing else) when the caller is not that person's manager; otherwise
     * {@code name}, {@code points} and {@code goals} (lists), {@code pointsText}, {@code goalsText}.
     */
    @Component
    @ActionName("oneOnOne.brief")
    static final class Brief implements ActionHandler {
        private final OneOnOnes series;
        private final People people;
        private final Goals goals;

        Brief(OneOnOnes series, People people, Goals goals) {
            this.series = series;
            this.people = people;
            this.goals = goals;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String reportId = in.text("report");
            Person report = people.findById(reportId).orElse(null);
            if (report == null || !in.personId().equals(report.managerId())) {
                return Map.of("allowed", false);
            }
            List<String> points = series.findById(reportId).map(OneOnOne::sharedPoints).orElse(List.of()).stream()
                    .map(OneOnOne.TalkingPoint::text).toList();
            List<Map<String, Object>> visible = goals.findByPersonIdOrderByCreatedAtAsc(reportId).stream()
                    .filter(g -> g.visibility() == Goal.Visibility.MANAGER && g.status() != Goal.Status.DROPPED)
                    .map(g -> {
                        Map<String, Object> goal = new LinkedHashMap<>();
                        goal.put("title", g.title());
                        goal.put("progress", (long) g.progress());
                        goal.put("previousProgress", g.previousProgress() == null ? (long) g.progress() : (long) g.previousProgress());
                        goal.put("status", g.status().name().toLowerCase());
                        return goal;
                    }).toList();
            String name = report.name() == null ? "your report" : report.name();
            return Map.of("allowed", true, "name", name, "points", points, "goals", visible,
                    "pointsText", points.isEmpty() ? "No shared talking points yet."
                            : points.stream().map(p -> "• " + p).collect(Collectors.joining("\n")),
                    "goalsText", visible.isEmpty() ? "No goals shared with you yet."
                            : visible.stream().map(g -> "• " + g.get("title") + ": " + g.get("previousProgress") + " → "
                                    + g.get("progress") + "/10").collect(Collectors.joining("\n")));
        }
    }
}
