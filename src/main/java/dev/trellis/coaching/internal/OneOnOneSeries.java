package dev.trellis.coaching.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.trellis.coaching.OneOnOneProperties;
import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.Recurrence;
import dev.trellis.identity.PersonIdentities;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;
import dev.trellis.sharing.ManagerLinks;

/**
 * {@code oneOnOne.setSeries} with {@code date} (the next 1:1, ISO), {@code time} ({@code HH:mm}, in the manager's
 * timezone), {@code weeks} (1, 2 or 4) and, when a manager sets it for a report, {@code report}. Needs a confirmed
 * manager link between the two. Sets the series' reminders, each recurring with the meetings: the employee's
 * {@code one-on-one-prep} a day before (in their working hours), the manager's {@code manager-nudge}
 * {@code nudgeBefore} the meeting, and both asked for agreed actions {@code askAfter} it. Setting it again replaces
 * them. Returns {@code set} (false with {@code reason} {@code no-manager} or {@code bad-time}), {@code next} (the
 * first meeting, an ISO date-time with offset) and {@code when} (the same in words), {@code zone}, {@code every}.
 */
@Component
@ActionName("oneOnOne.setSeries")
final class OneOnOneSeries implements ActionHandler {

    static final String PREP = "one-on-one-prep";
    static final String AFTER = "one-on-one-after";
    static final String NUDGE_PREFIX = "manager-nudge-";
    static final String MANAGER_AFTER_PREFIX = "one-on-one-after-";

    private final OneOnOnes series;
    private final People people;
    private final ManagerLinks links;
    private final PersonIdentities identities;
    private final Reminders reminders;
    private final OneOnOneProperties properties;

    OneOnOneSeries(OneOnOnes series, People people, ManagerLinks links, PersonIdentities identities,
                   Reminders reminders, OneOnOneProperties properties) {
        this.series = series;
        this.people = people;
        this.links = links;
        this.identities = identities;
        this.reminders = reminders;
        this.properties = properties;
    }

    @Override
    public Map<String, Object> run(Request request) {
        ActionInput in = new ActionInput(request);
        String report = in.optionalText("report");
        String employee = report == null ? in.personId() : report;
        Optional<String> manager = links.managerOf(employee);
        if (manager.isEmpty() || (report != null && !manager.get().equals(in.personId()))) {
            return Map.of("set", false, "reason", "no-manager", "when", "", "zone", "");
        }
        LocalDate date = in.optionalDate("date");
        LocalTime time = time(in.optionalText("time"));
        int weeks = in.integer("weeks", 1, 4);
        if (date == null || time == null || weeks == 3) {
            return Map.of("set", false, "reason", "bad-time", "when", "", "zone", "");
        }
        ZoneId zone = zone(manager.get());
        LocalDateTime meeting = LocalDateTime.of(date, time);
        Recurrence meetings = weekly(weeks, meeting);
        OneOnOne current = series.findById(employee).orElseGet(() -> OneOnOne.start(employee, manager.get(), in.now()));
        series.save(current.withSeries(meetings.spec(), zone.getId(), date, manager.get(), in.now()));

        PlatformIdentity caller = ManagerActions.caller(request.conversationId());
        Optional<PlatformIdentity> employeeChat = report == null ? Optional.ofNullable(caller)
                : ManagerActions.reach(identities.of(employee), caller);
        Optional<PlatformIdentity> managerChat = report != null ? Optional.ofNullable(caller)
                : ManagerActions.reach(identities.of(manager.get()), caller);
        Instant now = in.now();
        employeeChat.ifPresent(to -> {
            set(employee, PREP, to, "one-on-one-prep", Map.of("manager", manager.get()), weeks,
                    meeting.minusDays(1), zone, true, null, now, request.idempotencyKey());
            set(employee, AFTER, to, "one-on-one-actions", Map.of("manager", manager.get()), weeks,
                    meeting.plus(properties.askAfter()), zone, true, null, now, request.idempotencyKey());
        });
        managerChat.ifPresent(to -> {
            set(manager.get(), NUDGE_PREFIX + employee, to, "manager-nudge", Map.of("report", employee), weeks,
                    meeting.minus(properties.nudgeBefore()), zone, false, properties.nudgeBefore(), now,
                    request.idempotencyKey());
            set(manager.get(), MANAGER_AFTER_PREFIX + employee, to, "manager-nudge",
                    Map.of("report", employee, "after", "true"), weeks, meeting.plus(properties.askAfter()), zone,
                    true, null, now, request.idempotencyKey());
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("set", true);
        out.put("reason", "");
        out.put("next", meeting.atZone(zone).toOffsetDateTime().toString());
        out.put("when", meeting.format(java.time.format.DateTimeFormatter.ofPattern(
                request.locale().startsWith("de") ? "EEE, d. MMM yyyy, HH:mm" : "EEE d MMM yyyy, HH:mm",
                java.util.Locale.forLanguageTag(request.locale()))));
        out.put("zone", zone.getId());
        out.put("every", meetings.spec());
        out.put("managerReached", managerChat.isPresent());
        return out;
    }

    /** A reminder recurring with the meetings, first at {@code first} (or the next occurrence when that passed). */
    private void set(String person, String name, PlatformIdentity to, String flow, Map<String, String> ids, int weeks,
                     LocalDateTime first, ZoneId zone, boolean inWorkingTime, Duration tolerance, Instant now,
                     String origin) {
        Instant due = first.atZone(zone).toInstant();
        String address = to.platform().equals("slack") ? to.userId() : null;
        Reminder reminder = new Reminder(person, name, to, address, flow, ids, due.isAfter(now) ? due : null,
                tolerance, null, weekly(weeks, first), zone.getId(), inWorkingTime);
        reminders.set(reminder, origin + "#" + name);
    }

    private static Recurrence weekly(int weeks, LocalDateTime at) {
        return new Recurrence.Weekly(weeks, at.getDayOfWeek(), at.toLocalTime(), at.toLocalDate());
    }

    private ZoneId zone(String personId) {
        String zone = people.findById(personId).map(Person::timezone).orElse("UTC");
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** {@code 10:00}, {@code 9:30}, {@code 14.15}; null when it is not a time of day. */
    private static LocalTime time(String text) {
        if (text == null) return null;
        String t = text.strip().replace('.', ':').replace('h', ':');
        if (t.matches("\\d{1,2}")) t = t + ":00";
        if (t.matches("\\d:\\d{2}")) t = "0" + t;
        try {
            return LocalTime.parse(t);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
