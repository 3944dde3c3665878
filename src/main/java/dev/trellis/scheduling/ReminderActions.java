package dev.trellis.scheduling;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.flow.Flow;
import dev.trellis.flow.FlowCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The actions behind {@code /coach reminders}: list what is scheduled for the person (in their own time), cancel one,
 * pause all, resume. Every action works on the person's own reminders only (their job group): a name from another
 * person's list cancels nothing.
 */
final class ReminderActions {

    /** Option values that are not reminder names: a reminder name starts with a letter or digit. */
    static final String PAUSE = "_pause";
    static final String RESUME = "_resume";
    static final String DONE = "_done";

    private ReminderActions() {
    }

    /**
     * {@code reminders.list} with {@code zone} (the person's zone as the platform knows it; one they chose wins) and
     * {@code locale}: {@code count}, {@code names}, {@code paused}, {@code text} (numbered lines, soonest first) and {@code options}
     * (cancel 1..n, pause all or resume, done) for a choice step.
     */
    @Component
    @ActionName("reminders.list")
    static final class ListReminders implements ActionHandler {

        private final Reminders reminders;
        private final PersonalTimes times;
        private final ObjectProvider<FlowCatalog> flows;

        ListReminders(Reminders reminders, PersonalTimes times, ObjectProvider<FlowCatalog> flows) {
            this.reminders = reminders;
            this.times = times;
            this.flows = flows;
        }

        @Override
        public Map<String, Object> run(Request request) {
            String person = request.personId();
            ZoneId zone = times.of(person, text(request, "zone")).zone();
            String locale = text(request, "locale");
            DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm",
                    Locale.forLanguageTag(locale == null || locale.isBlank() ? "en" : locale));
            List<ScheduledReminder> scheduled = reminders.list(person).stream().filter(r -> r.next() != null)
                    .toList();
            boolean paused = reminders.isPaused(person);
            List<String> lines = new ArrayList<>();
            List<Map<String, Object>> options = new ArrayList<>();
            for (int i = 0; i < scheduled.size(); i++) {
                ScheduledReminder r = scheduled.get(i);
                String line = (i + 1) + ". " + title(flows, r.flowId()) + ": " + format.format(r.next().atZone(zone))
                        + (r.every() == null ? "" : ", then " + cadence(r.every()))
                        + (r.paused() ? " (paused)" : "");
                lines.add(line);
                options.add(option(r.name(), "Cancel " + (i + 1)));
            }
            options.add(paused ? option(RESUME, "Resume all") : option(PAUSE, "Pause all"));
            options.add(option(DONE, "Done"));
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("count", (long) scheduled.size());
            result.put("names", scheduled.stream().map(ScheduledReminder::name).toList());
            result.put("paused", paused);
            result.put("zone", zone.getId());
            result.put("text", String.join("\n", lines));
            result.put("options", options);
            return result;
        }
    }

    /** {@code reminders.cancel} with {@code name}: stops that reminder of the person; {@code what} names it. */
    @Component
    @ActionName("reminders.cancel")
    static final class CancelReminder implements ActionHandler {

        private final Reminders reminders;
        private final ObjectProvider<FlowCatalog> flows;

        CancelReminder(Reminders reminders, ObjectProvider<FlowCatalog> flows) {
            this.reminders = reminders;
            this.flows = flows;
        }

        @Override
        public Map<String, Object> run(Request request) {
            String name = text(request, "name");
            if (name == null || name.startsWith("_")) throw new IllegalArgumentException("not a reminder name");
            String person = request.personId();
            String flow = reminders.list(person).stream().filter(r -> r.name().equals(name))
                    .map(ScheduledReminder::flowId).findFirst().orElse(null);
            boolean cancelled = reminders.cancel(person, name);
            return Map.of("cancelled", cancelled, "what", flow == null ? "that reminder" : title(flows, flow));
        }
    }

    /** {@code reminders.pause}: holds every reminder of the person, and new ones, until they resume. */
    @Component
    @ActionName("reminders.pause")
    static final class PauseReminders implements ActionHandler {

        private final Reminders reminders;

        PauseReminders(Reminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public Map<String, Object> run(Request request) {
            reminders.pauseAll(request.personId());
            return Map.of("paused", true);
        }
    }

    /** {@code reminders.resume}: lets them fire again; one long past is skipped, not sent late. */
    @Component
    @ActionName("reminders.resume")
    static final class ResumeReminders implements ActionHandler {

        private final Reminders reminders;

        ResumeReminders(Reminders reminders) {
            this.reminders = reminders;
        }

        @Override
        public Map<String, Object> run(Request request) {
            reminders.resumeAll(request.personId());
            return Map.of("paused", false);
        }
    }

    static String cadence(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("weekly")) return "weekly";
        if (lower.startsWith("monthly")) return "monthly";
        if (lower.startsWith("every 2 weeks")) return "every other week";
        if (lower.startsWith("every")) return lower.replaceAll("^(every \\d+ weeks).*", "$1");
        return spec;
    }

    /** The catalogue is looked up when needed: it checks at start-up that these very actions exist. */
    private static String title(ObjectProvider<FlowCatalog> flows, String flowId) {
        return flows.getObject().current(flowId).map(Flow::title).orElse(flowId);
    }

    private static Map<String, Object> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    private static String text(ActionHandler.Request request, String key) {
        Object value = request.args().get(key);
        return value == null ? null : value.toString();
    }
}
