package dev.trellis.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.Inbound;
import dev.trellis.flow.Recurrence;
import org.quartz.JobDataMap;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/**
 * How a {@link Reminder} is kept in Quartz: string properties only ({@code useProperties=true}), ids only. The job
 * group is the person's, so a person's reminders can be listed, paused and removed together. Each occurrence is a
 * trigger of its own that remembers the moment it was due, so a misfired or recovered run still knows it.
 */
final class TimerData {

    static final String PERSON = "person";
    static final String CHANNEL = "channel";
    static final String WORKSPACE = "workspace";
    static final String USER = "user";
    static final String ADDRESS = "address";
    static final String FLOW = "flow";
    static final String STEP = "step";
    static final String TOLERANCE = "tolerance";
    static final String SEND_BEFORE = "sendBefore";
    static final String ID_PREFIX = "id.";
    static final String REPEAT = "repeat";
    static final String ZONE = "zone";
    static final String IN_WORKING_TIME = "inWorkingTime";
    /** On a job: the id of what set it last (a turn's effect), so hearing the same request again changes nothing. */
    static final String ORIGIN = "origin";
    /** On a trigger: the moment this occurrence was due, in epoch milliseconds. */
    static final String DUE = "due";
    /** On a trigger: the moment its recurrence named (before moving it into working time), in epoch milliseconds. */
    static final String NOMINAL = "nominal";

    private TimerData() {
    }

    static String group(String personId) {
        return "person:" + personId;
    }

    static JobKey jobKey(String personId, String name) {
        return JobKey.jobKey(name, group(personId));
    }

    static TriggerKey triggerKey(JobKey job, Instant due) {
        return TriggerKey.triggerKey(job.getName() + "@" + due.toEpochMilli(), job.getGroup());
    }

    /** The timer id the engine sees: unique across people, stable across re-fires. */
    static String timerId(JobKey job) {
        return job.getGroup() + "/" + job.getName();
    }

    /** A re-fired, misfired or recovered occurrence gets the same event id, so the inbox stores it once. */
    static String eventId(JobKey job, Instant due) {
        return timerId(job) + ":" + due.toEpochMilli();
    }

    static JobDataMap of(Reminder reminder) {
        JobDataMap data = new JobDataMap();
        data.put(PERSON, reminder.personId());
        data.put(CHANNEL, reminder.to().platform());
        data.put(WORKSPACE, reminder.to().workspace());
        data.put(USER, reminder.to().userId());
        if (reminder.address() != null) data.put(ADDRESS, reminder.address());
        data.put(FLOW, reminder.flowId());
        if (reminder.stepId() != null) data.put(STEP, reminder.stepId());
        data.put(TOLERANCE, reminder.tolerance().toString());
        if (reminder.sendBefore() != null) data.put(SEND_BEFORE, reminder.sendBefore().toString());
        if (reminder.repeat() != null) data.put(REPEAT, reminder.repeat().spec());
        if (reminder.zone() != null) data.put(ZONE, reminder.zone());
        data.put(IN_WORKING_TIME, Boolean.toString(reminder.inWorkingTime()));
        reminder.ids().forEach((k, v) -> data.put(ID_PREFIX + k, v));
        return data;
    }

    static Map<String, String> ids(JobDataMap data) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : data.getKeys()) {
            if (key.startsWith(ID_PREFIX)) ids.put(key.substring(ID_PREFIX.length()), data.getString(key));
        }
        return ids;
    }

    static Recurrence repeat(JobDataMap data) {
        String spec = data.getString(REPEAT);
        return spec == null ? null : Recurrence.parse(spec);
    }

    static boolean inWorkingTime(JobDataMap data) {
        return Boolean.parseBoolean(data.getString(IN_WORKING_TIME));
    }

    static Duration tolerance(JobDataMap data) {
        String value = data.getString(TOLERANCE);
        return value == null ? Reminder.DEFAULT_TOLERANCE : Duration.parse(value);
    }

    static Instant sendBefore(JobDataMap data) {
        String value = data.getString(SEND_BEFORE);
        return value == null ? null : Instant.parse(value);
    }

    /** The typed timer event for one occurrence: which timer, for which moment, which flow, with the ids. */
    static Inbound inbound(JobKey job, JobDataMap data, Instant due, Instant firedAt) {
        Inbound.Timer timer = new Inbound.Timer(timerId(job), due, data.getString(FLOW), data.getString(STEP),
                Map.<String, Object>copyOf(ids(data)));
        return new Inbound(data.getString(CHANNEL), eventId(job, due), data.getString(WORKSPACE),
                data.getString(USER), Inbound.Place.PRIVATE, data.getString(ADDRESS), Inbound.Kind.TIMER, null, null,
                List.of(), Map.of(), firedAt, timer);
    }
}
