package dev.trellis.coaching.internal;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.trellis.engine.ActionHandler;
import dev.trellis.engine.ActionName;

/**
 * {@code person.update} with any of {@code name}, {@code timezone} (an IANA zone such as {@code Europe/Berlin}),
 * {@code locale}, {@code workStart}/{@code workEnd} ({@code HH:mm}) and {@code peerCoaching}: stores the person's
 * profile (creating it the first time). An unknown zone is not stored and {@code timezoneKnown} is false, so the
 * flow can ask again; a malformed time is refused with the argument's name.
 */
@Component
@ActionName("person.update")
final class UpdatePerson implements ActionHandler {

    private final People people;

    UpdatePerson(People people) {
        this.people = people;
    }

    @Override
    public Map<String, Object> run(Request request) {
        ActionInput in = new ActionInput(request);
        Person current = people.findById(in.personId()).orElseGet(() -> Person.unknown(in.personId(), in.now()));
        String zone = in.optionalText("timezone");
        boolean zoneKnown = true;
        if (zone != null) {
            zone = zoneId(zone.strip());
            // A typo in a zone is the person's input, not a failure: keep the rest and let the flow re-ask.
            zoneKnown = zone != null;
        }
        Person.WorkingHours hours = current.workingHours();
        if (in.optionalText("workStart") != null || in.optionalText("workEnd") != null) {
            hours = new Person.WorkingHours(time(in, "workStart", hours.start()), time(in, "workEnd", hours.end()),
                    hours.days());
        }
        String name = in.optionalText("name");
        String locale = in.optionalText("locale");
        Person next = new Person(current.id(), current.platformIds(), name == null ? current.name() : name,
                zone == null ? current.timezone() : zone, locale == null ? current.locale() : locale, hours,
                in.raw("peerCoaching") == null ? current.peerCoaching() : in.flag("peerCoaching"),
                current.createdAt(), in.now(), current.version());
        people.save(next);
        return Map.of("name", next.name() == null ? "" : next.name(), "timezone", next.timezone(),
                "timezoneKnown", zoneKnown);
    }

    /** The zone's id, or null when no zone has that name ("Mars/Olympus", "UTC+25"); "utc+2" and "cet" are read too. */
    private static String zoneId(String typed) {
        for (String candidate : new String[] {typed, typed.toUpperCase(java.util.Locale.ROOT)}) {
            try {
                return ZoneId.of(candidate).getId();
            } catch (DateTimeException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private static LocalTime time(ActionInput in, String name, LocalTime fallback) {
        String text = in.optionalText(name);
        if (text == null) {
            return fallback;
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("argument '" + name + "' must be a time such as 09:00");
        }
    }
}
