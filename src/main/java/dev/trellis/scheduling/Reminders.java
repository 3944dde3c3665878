package dev.trellis.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Set;

import org.quartz.JobBuilder;
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

    Reminders(Scheduler scheduler, ReminderJournal journal) {
        this.scheduler = scheduler;
        this.journal = journal;
    }

    /** Sets (or replaces) the reminder; it fires at {@link Reminder#due()}. */
    public void set(Reminder reminder) {
        JobKey key = TimerData.jobKey(reminder.personId(), reminder.name());
        JobDetail job = JobBuilder.newJob(TimerJob.class).withIdentity(key).usingJobData(TimerData.of(reminder))
                .requestRecovery(true).build();
        run(() -> scheduler.scheduleJob(job, Set.of(occurrence(key, reminder.due())), true));
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
        journal.forget(personId);
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
                        paused));
            }
            found.sort(Comparator.comparing(ScheduledReminder::next, Comparator.nullsLast(Comparator.naturalOrder())));
            return found;
        });
    }

    /**
     * One occurrence. A misfire (no node was running at the moment) fires as soon as one is: the job then decides
     * whether it is still worth sending.
     */
    static Trigger occurrence(JobKey job, Instant due) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(TimerData.triggerKey(job, due))
                .usingJobData(TimerData.DUE, Long.toString(due.toEpochMilli()))
                .startAt(Date.from(due))
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
