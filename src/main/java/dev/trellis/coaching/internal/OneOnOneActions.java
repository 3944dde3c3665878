package dev.trellis.coaching.internal;

import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.sharing.SharingPolicy;

/** Actions on the 1:1 series between a person and their manager. */
final class OneOnOneActions {

    private OneOnOneActions() {
    }

    static OneOnOne seriesOf(OneOnOnes series, ManagerLinks links, ActionInput in) {
        return series.findById(in.personId()).orElseGet(() -> OneOnOne.start(in.personId(),
                links.managerOf(in.personId()).orElse(null), in.now()));
    }

    /**
     * {@code oneOnOne.addTalkingPoint} with {@code text} and {@code shared} (whether the manager may see it before
     * the 1:1); returns {@code id}, {@code count} and {@code sharedCount}.
     */
    @Component
    @ActionName("oneOnOne.addTalkingPoint")
    static final class AddTalkingPoint implements ActionHandler {
        private final OneOnOnes series;
        private final ManagerLinks links;

        AddTalkingPoint(OneOnOnes series, ManagerLinks links) {
            this.series = series;
            this.links = links;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            OneOnOne next = seriesOf(series, links, in).withTalkingPoint(
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
        private final ManagerLinks links;

        AddAgreedAction(OneOnOnes series, ManagerLinks links) {
            this.series = series;
            this.links = links;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String report = in.optionalText("report");
            OneOnOne current = report == null ? seriesOf(series, links, in) : reportSeries(report, in);
            OneOnOne next = current.withAgreedAction(new OneOnOne.AgreedAction(in.id(),
                    in.text("text"), in.optionalText("owner"), in.optionalDate("due"), false, in.now()), in.now())
                    .held(in.now());
            series.save(next);
            return Map.of("id", in.id(), "count", (long) next.agreedActions().size());
        }

        private OneOnOne reportSeries(String reportId, ActionInput in) {
            if (!links.managerOf(reportId).filter(in.personId()::equals).isPresent()) {
                throw new IllegalArgumentException("person " + reportId + " does not report to the caller");
            }
            return series.findById(reportId).orElseGet(() -> OneOnOne.start(reportId, in.personId(), in.now()));
        }
    }

    /**
     * An agreed action as a line for the manager ({@code managerView}) or the employee, in their locale: what, who,
     * by when, status. The person's words are appended, never filled into a message, so they are never a template.
     */
    static String line(CoachingTexts texts, String locale, OneOnOne.AgreedAction action, boolean managerView) {
        String owner = action.owner() == null ? null : switch (action.owner()) {
            case "report" -> managerView ? "theirs" : "yours";
            case "manager" -> managerView ? "yours" : "manager";
            case "both" -> "both";
            default -> null;
        };
        return "• " + action.text()
                + (owner == null ? "" : texts.text(locale, "coaching.oneOnOne.owner." + owner, Map.of()))
                + (action.due() == null ? "" : texts.text(locale, "coaching.oneOnOne.due", Map.of("due", action.due())))
                + texts.text(locale, action.done() ? "coaching.oneOnOne.done" : "coaching.oneOnOne.open", Map.of());
    }

    /**
     * The goal's figure at the last 1:1 (the last check-in before it was held); before any 1:1, the figure before the
     * latest check-in.
     */
    static int since(Goal goal, java.time.Instant lastHeld) {
        if (lastHeld == null) return goal.previousProgress() == null ? goal.progress() : goal.previousProgress();
        int at = goal.history().isEmpty() ? goal.progress() : goal.history().get(0).value();
        for (Goal.Progress p : goal.history()) {
            if (!p.at().isAfter(lastHeld)) at = p.value();
        }
        return at;
    }

    /** {@code oneOnOne.setNextDate} with {@code date} (ISO): when the next 1:1 is. */
    @Component
    @ActionName("oneOnOne.setNextDate")
    static final class SetNextDate implements ActionHandler {
        private final OneOnOnes series;
        private final ManagerLinks links;

        SetNextDate(OneOnOnes series, ManagerLinks links) {
            this.series = series;
            this.links = links;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            var date = in.optionalDate("date");
            if (date == null) {
                throw new IllegalArgumentException("argument 'date' is required");
            }
            series.save(seriesOf(series, links, in).withNextDate(date, in.now()));
            return Map.of("date", date.toString());
        }
    }

    /**
     * {@code oneOnOne.brief} with {@code report} (a person id): whether the caller may see anything of that person's
     * before a 1:1 (a confirmed manager link, through {@link SharingPolicy}) and how much: {@code allowed},
     * {@code name}, {@code points} and {@code goals} (counts), {@code plan} (whether one is shared). No text of the report's: that is read by reference
     * when it is shown ({@code oneOnOne.showShared}), so none of it lands in the manager's conversation.
     */
    @Component
    @ActionName("oneOnOne.brief")
    static final class Brief implements ActionHandler {
        private final SharedWithManager shared;

        Brief(SharedWithManager shared) {
            this.shared = shared;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            SharedWithManager.View view = shared.view(in.personId(), in.text("report"));
            if (view == null) return Map.of("allowed", false);
            return Map.of("allowed", true, "name", view.name(), "points", (long) view.points().size(),
                    "goals", (long) view.goals().size(), "plan", view.plan() != null);
        }
    }

    /**
     * {@code oneOnOne.showShared} with {@code report} and {@code what} ({@code talkingPoints}, {@code goals} (progress since the last 1:1), {@code plan}, which says nothing when no plan is shared, or {@code actions}, the latest actions the two agreed with owner, date and status): says
     * what the report shares with the caller right now, read from the report's records at this moment. The text goes
     * out under {@code show}, which the engine says and keeps nowhere in the caller's conversation. Says that there is
     * nothing to show when the caller may see nothing (a link that ended, a consent withdrawn since the brief).
     */
    @Component
    @ActionName("oneOnOne.showShared")
    static final class ShowShared implements ActionHandler {
        private final SharedWithManager shared;
        private final CoachingTexts texts;

        ShowShared(SharedWithManager shared, CoachingTexts texts) {
            this.shared = shared;
            this.texts = texts;
        }

        @Override
        public Map<String, Object> run(Request request) {
            ActionInput in = new ActionInput(request);
            String what = in.text("what");
            SharedWithManager.View view = shared.view(in.personId(), in.text("report"));
            String locale = request.locale();
            if (view == null) return Map.of("show", texts.text(locale, "manager-nudge.nothingShared", Map.of()));
            String text;
            if ("goals".equals(what)) {
                text = view.goals().isEmpty()
                        ? texts.text(locale, "manager-nudge.noGoals", Map.of("name", view.name()))
                        : texts.text(locale, "manager-nudge.showGoals", Map.of("name", view.name(), "items",
                                view.goals().stream().map(g -> "• " + g.title() + ": " + since(g, view.lastHeld())
                                        + " → " + g.progress() + "/10").collect(Collectors.joining("\n"))));
            } else if ("actions".equals(what)) {
                // the latest actions the two agreed in their 1:1s (recorded by either), newest last
                java.util.List<OneOnOne.AgreedAction> agreed = view.actions();
                text = agreed.isEmpty() ? texts.text(locale, "manager-nudge.noActions", Map.of("name", view.name()))
                        : texts.text(locale, "manager-nudge.showActions", Map.of("name", view.name(), "items",
                                agreed.subList(Math.max(0, agreed.size() - 5), agreed.size()).stream()
                                        .map(a -> line(texts, locale, a, true)).collect(Collectors.joining("\n"))));
            } else if ("talkingPoints".equals(what)) {
                text = view.points().isEmpty()
                        ? texts.text(locale, "manager-nudge.noPoints", Map.of("name", view.name()))
                        : texts.text(locale, "manager-nudge.showPoints", Map.of("name", view.name(), "items",
                                view.points().stream().map(p -> "• " + p.text()).collect(Collectors.joining("\n"))));
            } else if ("plan".equals(what)) {
                text = view.plan() == null ? "" : texts.text(locale, "manager-nudge.showPlan", Map.of("name",
                        view.name(), "items", planLines(view.plan())));
            } else {
                throw new IllegalArgumentException("argument 'what' is talkingPoints, goals, plan or actions");
            }
            return text.isEmpty() ? Map.of() : Map.of("show", text);
        }

        private static String planLines(DevelopmentPlan plan) {
            java.util.List<String> lines = new java.util.ArrayList<>();
            if (plan.aspiration() != null && !plan.aspiration().isBlank()) lines.add("• " + plan.aspiration());
            plan.skillGaps().forEach(g -> lines.add("• " + g.skill() + (g.current() == null || g.target() == null ? ""
                    : ": " + g.current() + " → " + g.target())));
            plan.activities().forEach(a -> lines.add("• " + a.description()
                    + (a.targetDate() == null ? "" : " (" + a.targetDate() + ")")));
            return String.join("\n", lines);
        }
    }
}
