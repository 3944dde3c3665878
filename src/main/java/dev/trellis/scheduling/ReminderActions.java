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
import dev.trellis.flow.MessageBundle;
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
     * {@code reminders.list} with {@code zone} (the person's zone as the platform knows it; one they chose wins), in
     * the conversation's locale: {@code count}, {@code names}, {@code paused}, {@code text} (numbered lines, soonest first) and {@code options}
     * (cancel 1..n, pause all or resume, done) for a choice step.
     */
    @Component
    @ActionName("reminders.list")
    static final class ListReminders implements ActionHandler {

        private final Reminders reminders;
        private final PersonalTimes times;
        private final ObjectProvider<FlowCatalog> flows;
        private final ObjectProvider<MessageBundle> messages;

        ListReminders(Reminders reminders, PersonalTimes times, ObjectProvider<FlowCatalog> flows,
                      ObjectProvider<MessageBundle> messages) {
            this.reminders = reminders;
            this.times = times;
            this.flows = flows;
            this.messages = messages;
        }

        @Override
        public Map<String, Object> run(Request request) {
            String person = request.personId();
            ZoneId zone = times.of(person, text(request, "zone")).zone();
            // the conversation's locale, like every other line of the flow (not the profile's, which may lag behind)
            String locale = request.locale();
            DateTimeFormatter format = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.forLanguageTag(locale));
            MessageBundle words = messages.getObject();
            List<ScheduledReminder> scheduled = reminders.list(person).stream().filter(r -> r.next() != null)
                    .toList();
            boolean paused = reminders.isPaused(person);
            List<String> lines = new ArrayList<>();
            List<Map<String, Object>> options = new ArrayList<>();
            for (int i = 0; i < scheduled.size(); i++) {
                ScheduledReminder r = scheduled.get(i);
                String line = (i + 1) + ". " + title(flows, words, locale, r.flowId()) + ": "
                        + format.format(r.next().atZone(zone))
                        + (r.every() == null ? "" : say(words, locale, "then", Map.of("cadence",
                            cadence(words, locale, r.every()))))
                        + (r.paused() ? say(words, locale, "paused", Map.of()) : "");
                lines.add(line);
                options.add(option(r.name(), say(words, locale, "cancel", Map.of("n", i + 1))));
            }
            options.add(paused ? option(RESUME, say(words, locale, "resumeAll", Map.of()))
                    : option(PAUSE, say(words, locale, "pauseAll", Map.of())));
            options.add(option(DONE, say(words, locale, "done", Map.of())));
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
        private final ObjectProvider<MessageBundle> messages;

        CancelReminder(Reminders reminders, ObjectProvider<FlowCatalog> flows, ObjectProvider<MessageBundle> messages) {
            this.reminders = reminders;
            this.flows = flows;
            this.messages = messages;
        }

        @Override
        public Map<String, Object> run(Request request) {
            String name = text(request, "name");
            if (name == null || name.startsWith("_")) throw new IllegalArgumentException("not a reminder name");
            String person = request.personId();
            String flow = reminders.list(person).stream().filter(r -> r.name().equals(name))
                    .map(ScheduledReminder::flowId).findFirst().orElse(null);
            boolean cancelled = reminders.cancel(person, name);
            MessageBundle words = messages.getObject();
            return Map.of("cancelled", cancelled, "what", flow == null
                    ? say(words, request.locale(), "thatReminder", Map.of()) : title(flows, words, request.locale(), flow));
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

    /** How often a recurrence comes, in the person's words ({@code reminders.list.weekly}, ...). */
    static String cadence(MessageBundle words, String locale, String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        if (lower.startsWith("weekly")) return say(words, locale, "weekly", Map.of());
        if (lower.startsWith("monthly")) return say(words, locale, "monthly", Map.of());
        if (lower.startsWith("every 2 weeks")) return say(words, locale, "everyOtherWeek", Map.of());
        java.util.regex.Matcher weeks = java.util.regex.Pattern.compile("^every (\\d+) weeks.*").matcher(lower);
        if (weeks.matches()) return say(words, locale, "everyWeeks", Map.of("n", weeks.group(1)));
        return spec;
    }

    /**
     * A flow's title in the person's language ({@code flows.<id>.title}, else the flow file's). The catalogue is
     * looked up when needed: it checks at start-up that these very actions exist.
     */
    private static String title(ObjectProvider<FlowCatalog> flows, MessageBundle words, String locale, String flowId) {
        List<String> localised = words.variants(locale, "flows." + flowId + ".title");
        if (!localised.isEmpty()) return localised.get(0);
        return flows.getObject().current(flowId).map(Flow::title).orElse(flowId);
    }

    /** The words of {@code reminders.list.<key>} in {@code locale}, with {@code {{name}}} filled (numbers only). */
    private static String say(MessageBundle words, String locale, String key, Map<String, Object> values) {
        List<String> variants = words.variants(locale, "reminders.list." + key);
        if (variants.isEmpty()) throw new IllegalStateException("no message 'reminders.list." + key + "'");
        String text = variants.get(0);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", String.valueOf(value.getValue()));
        }
        return text;
    }

    private static Map<String, Object> option(String value, String label) {
        return Map.of("value", value, "label", label);
    }

    private static String text(ActionHandler.Request request, String key) {
        Object value = request.args().get(key);
        return value == null ? null : value.toString();
    }
}
