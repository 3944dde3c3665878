package dev.trellis.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.stereotype.Service;

/**
 * A person's reminders, kept by Quartz in its JDBC job store (clustered: every reminder fires on one node, once).
 * Setting a reminder is idempotent: the same name replaces what was there. Scheduler failures are thrown as
 * {@link IllegalStateException} so the caller (an inbox worker, a listener) retries.
 */
@Service
public class Reminders {

    private final Scheduler scheduler;
    private final ReminderJournal journal;
    private final PersonalTimes times;
    private final Clock clock;

    Reminders(Scheduler scheduler, ReminderJournal journal, PersonalTimes times, Clock clock) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.times = times;
        this.clock = clock;
    }

    /**
     * Sets (or replaces) the reminder and returns when it fires first: at {@link Reminder#due()} (or its
     * recurrence's next occurrence), moved into the person's working time when it asks for that.
     */
    public Instant set(Reminder reminder) {
        return set(reminder, null);
    }

    /**
     * Sets the reminder on behalf of {@code origin} (the id of what asked for it, such as a turn's effect), once:
     * when the person's reminder of that name was last set by the same origin, it is left exactly as it is (a
     * repeated request must not move a recurring reminder on, nor add an occurrence) and its next moment is returned.
     */
    public Instant set(Reminder reminder, String origin) {
        JobKey key = TimerData.jobKey(reminder.personId(), reminder.name());
        if (origin != null) {
            JobDetail existing = call(() -> scheduler.getJobDetail(key));
            if (existing != null && origin.equals(existing.getJobDataMap().getString(TimerData.ORIGIN))) {
                return call(() -> scheduler.getTriggersOfJob(key)).stream().map(Trigger::getNextFireTime)
                        .filter(java.util.Objects::nonNull).map(Date::toInstant).min(Comparator.naturalOrder())
                        .orElse(null);
            }
        }
        JobDataMap data = TimerData.of(reminder);
        if (origin != null) data.put(TimerData.ORIGIN, origin);
        JobDetail job = JobBuilder.newJob(TimerJob.class).withIdentity(key).usingJobData(data)
                .requestRecovery(true).build();
        Occurrence first = Occurrence.first(reminder.due(), reminder.repeat(), reminder.inWorkingTime(),
                times.of(reminder.personId(), reminder.zone()), clock.instant());
        Instant startAt = first.due().isBefore(clock.instant()) ? clock.instant() : first.due();
        // an occurrence is a trigger keyed by its moment: setting the reminder for another moment must not leave the
        // old one behind, so the job goes first (a crash in between loses it until the effect is relayed again)
        run(() -> {
            scheduler.deleteJob(key);
            scheduler.scheduleJob(job, Set.of(occurrence(key, first, startAt)), true);
        });
        return first.due();
    }

    /** Stops one reminder. Returns false when the person had none of that name. */
    public boolean cancel(String personId, String name) {
        return call(() -> scheduler.deleteJob(TimerData.jobKey(personId, name)));
    }

    /**
     * Removes every reminder of the person and what was recorded about them (erasure). Returns how many reminders
     * there were.
     */
    public int cancelAll(String personId) {
        List<JobKey> keys = new ArrayList<>(call(() -> scheduler.getJobKeys(jobsOf(personId))));
        run(() -> scheduler.deleteJobs(keys));
        // a paused person leaves their group's name (the person id) in the paused-groups table: resuming removes it
        run(() -> scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(TimerData.group(personId))));
        journal.forget(personId);
        times.forget(personId);
        return keys.size();
    }

    /** Holds every reminder of the person, including ones set while paused, until {@link #resumeAll}. */
    public void pauseAll(String personId) {
        run(() -> scheduler.pauseTriggers(GroupMatcher.triggerGroupEquals(TimerData.group(personId))));
    }

    /** Lets the person's reminders fire again; one whose moment passed long ago is skipped, not sent late. */
    public void resumeAll(String personId) {
        run(() -> scheduler.resumeTriggers(GroupMatcher.triggerGroupEquals(TimerData.group(personId))));
    }

    /** True while the person's reminders are paused (also when they have none yet: new ones start paused). */
    public boolean isPaused(String personId) {
        return call(() -> scheduler.getPausedTriggerGroups().contains(TimerData.group(personId)));
    }

    /** The person's reminders, soonest first. */
    public List<ScheduledReminder> list(String personId) {
        return call(() -> {
            List<ScheduledReminder> found = new ArrayList<>();
            for (JobKey key : scheduler.getJobKeys(jobsOf(personId))) {
                JobDetail job = scheduler.getJobDetail(key);
                if (job == null) continue;
                Instant next = null;
                boolean paused = false;
                for (Trigger trigger : scheduler.getTriggersOfJob(key)) {
                    Date at = trigger.getNextFireTime();
                    if (at != null && (next == null || at.toInstant().isBefore(next))) next = at.toInstant();
                    paused |= scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED;
                }
                found.add(new ScheduledReminder(key.getName(), job.getJobDataMap().getString(TimerData.FLOW), next,
                        paused, job.getJobDataMap().getString(TimerData.REPEAT)));
            }
            found.sort(Comparator.comparing(ScheduledReminder::next, Comparator.nullsLast(Comparator.naturalOrder())));
            return found;
        });
    }

    /**
     * One occurrence. A misfire (no node was running at the moment) fires as soon as one is: the job then decides
     * whether it is still worth sending.
     */
    static Trigger occurrence(JobKey job, Occurrence occurrence) {
        return occurrence(job, occurrence, occurrence.due());
    }

    /**
     * An occurrence that fires at {@code startAt}: a moment already past (a nudge set after its time) fires now, and
     * the job judges it by when it was due.
     */
    static Trigger occurrence(JobKey job, Occurrence occurrence, Instant startAt) {
        Instant due = occurrence.due();
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(TimerData.triggerKey(job, due))
                .usingJobData(TimerData.DUE, Long.toString(due.toEpochMilli()))
                .usingJobData(TimerData.NOMINAL, Long.toString(occurrence.nominal().toEpochMilli()))
                .startAt(Date.from(startAt))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private static GroupMatcher<JobKey> jobsOf(String personId) {
        return GroupMatcher.jobGroupEquals(TimerData.group(personId));
    }

    private interface SchedulerCall<T> {
        T call() throws SchedulerException;
    }

    private interface SchedulerRun {
        void run() throws SchedulerException;
    }

    private static <T> T call(SchedulerCall<T> call) {
        try {
            return call.call();
        } catch (SchedulerException e) {
            throw new IllegalStateException("The reminder store could not be reached", e);
        }
    }

    private static void run(SchedulerRun run) {
        call(() -> {
            run.run();
            return null;
        });
    }
}
