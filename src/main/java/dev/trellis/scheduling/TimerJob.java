package dev.trellis.scheduling;

import java.time.Duration;
import java.time.Instant;

import java.util.Optional;

import dev.trellis.engine.PlatformIdentity;
import dev.trellis.flow.Recurrence;
import dev.trellis.inbox.Inbox;
import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One occurrence of a reminder: puts its timer event into the inbox (or skips it when it is too late) and records
 * what it did. The inbox's unique event id makes a re-fired or recovered occurrence a duplicate, never a second
 * message. Quartz builds it per run with Spring's help.
 */
class TimerJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(TimerJob.class);
    /** When the inbox cannot be written, the occurrence is tried again this much later, under the same event id. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final Inbox inbox;
    private final ReminderJournal journal;
    private final PersonalTimes times;
    private final PersonGoneGuard personGone;
    private final ObjectProvider<ReminderGuard> guards;

    TimerJob(Inbox inbox, ReminderJournal journal, PersonalTimes times, PersonGoneGuard personGone,
             ObjectProvider<ReminderGuard> guards) {
        this.inbox = inbox;
        this.journal = journal;
        this.times = times;
        this.personGone = personGone;
        this.guards = guards;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        if (!fire(context)) return;
        scheduleNext(context);
    }

    /** Hands the occurrence in (or skips it); false when the reminder was dropped for good. */
    private boolean fire(JobExecutionContext context) throws JobExecutionException {
        JobKey job = context.getJobDetail().getKey();
        JobDataMap data = context.getMergedJobDataMap();
        Instant due = due(context, data);
        Instant firedAt = context.getFireTime().toInstant();
        String person = data.getString(TimerData.PERSON);
        Optional<String> dropped;
        try {
            dropped = dropReason(data);
        } catch (RuntimeException e) {
            retryLater(context, job, due, e);
            return true;
        }
        if (dropped.isPresent()) {
            log.info("Reminder {} due {} dropped: {}", TimerData.timerId(job), due, dropped.get());
            journal.dropped(person, TimerData.timerId(job), due, firedAt, dropped.get());
            try {
                context.getScheduler().deleteJob(job);
            } catch (SchedulerException e) {
                throw new JobExecutionException(e, false);
            }
            return false;
        }
        Lateness lateness = Lateness.of(due, firedAt, TimerData.tolerance(data), TimerData.sendBefore(data));
        if (!lateness.sends()) {
            log.info("Reminder {} due {} fired at {}: too late, skipped", TimerData.timerId(job), due, firedAt);
            journal.record(person, TimerData.timerId(job), due, firedAt, ReminderJournal.Outcome.SKIPPED_LATE);
            return true;
        }
        try {
            if (inbox.accept(TimerData.inbound(job, data, due, firedAt)) == Inbox.Receipt.DUPLICATE) {
                log.debug("Reminder {} due {} was already handed in", TimerData.timerId(job), due);
                return true;
            }
        } catch (RuntimeException e) {
            retryLater(context, job, due, e);
            return true;
        }
        journal.record(person, TimerData.timerId(job), due, firedAt, lateness == Lateness.ON_TIME
                ? ReminderJournal.Outcome.SENT : ReminderJournal.Outcome.SENT_LATE_BEFORE_DEADLINE);
        return true;
    }

    /** Why nobody should get this reminder any more, if so: the person is gone, or a feature's guard says so. */
    private Optional<String> dropReason(JobDataMap data) {
        String person = data.getString(TimerData.PERSON);
        PlatformIdentity identity = new PlatformIdentity(data.getString(TimerData.CHANNEL),
                data.getString(TimerData.WORKSPACE), data.getString(TimerData.USER));
        Optional<String> gone = personGone.drop(person, identity);
        if (gone.isPresent()) return gone;
        for (ReminderGuard guard : guards.orderedStream().toList()) {
            Optional<String> reason = guard.drop(person, data.getString(TimerData.FLOW), TimerData.ids(data));
            if (reason.isPresent()) return reason;
        }
        return Optional.empty();
    }

    /**
     * A recurring reminder's next occurrence, counted from this one's nominal moment in the person's current time
     * (a changed timezone or working hours apply from the next occurrence on). A retry or a recovery run does not
     * add another.
     */
    private void scheduleNext(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Recurrence repeat = TimerData.repeat(data);
        if (repeat == null || context.isRecovering() || context.getTrigger().getKey().getName().contains("-retry-")) {
            return;
        }
        JobKey job = context.getJobDetail().getKey();
        String nominal = data.getString(TimerData.NOMINAL);
        Instant due = due(context, data);
        Occurrence current = new Occurrence(nominal == null ? due : Instant.ofEpochMilli(Long.parseLong(nominal)),
                due);
        PersonalTime time = times.of(data.getString(TimerData.PERSON), data.getString(TimerData.ZONE));
        Instant now = context.getFireTime().toInstant();
        current.next(repeat, TimerData.inWorkingTime(data), time, now).ifPresent(next -> {
            try {
                context.getScheduler().scheduleJob(Reminders.occurrence(job, next));
            } catch (org.quartz.ObjectAlreadyExistsException e) {
                log.debug("Reminder {} already has its occurrence at {}", TimerData.timerId(job), next.due());
            } catch (SchedulerException e) {
                throw new IllegalStateException("Could not set the next occurrence of " + TimerData.timerId(job), e);
            }
        });
    }

    /**
     * The moment this occurrence was due: kept on its trigger, so neither a misfire (which moves the fire time) nor
     * a recovery after a crash (which runs under a trigger of Quartz's own) changes the event id.
     */
    private static Instant due(JobExecutionContext context, JobDataMap data) {
        String due = data.getString(TimerData.DUE);
        if (due != null) return Instant.ofEpochMilli(Long.parseLong(due));
        return context.getScheduledFireTime().toInstant();
    }

    private static void retryLater(JobExecutionContext context, JobKey job, Instant due, RuntimeException cause)
            throws JobExecutionException {
        log.warn("Reminder {} due {} could not be handed in; trying again in {}", TimerData.timerId(job), due,
                RETRY_AFTER, cause);
        Instant at = context.getFireTime().toInstant().plus(RETRY_AFTER);
        Trigger retry = TriggerBuilder.newTrigger().forJob(job)
                .withIdentity(TimerData.triggerKey(job, due).getName() + "-retry-" + at.toEpochMilli(), job.getGroup())
                .usingJobData(TimerData.DUE, Long.toString(due.toEpochMilli()))
                .startAt(java.util.Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            context.getScheduler().scheduleJob(retry);
        } catch (SchedulerException e) {
            throw new JobExecutionException(e, false);
        }
    }
}
