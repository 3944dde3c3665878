package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.flow.Recurrence;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** A reminder, end to end: Quartz fires, the inbox stores the timer event once, the engine starts the flow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RemindersEndToEndTest {

    @Autowired
    Reminders reminders;
    @Autowired
    Scheduler scheduler;
    @Autowired
    Conversations conversations;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    PersonDirectory directory;

    @Test
    void aReminderThatFiresTwiceForOneMomentStartsItsFlowOnce() throws Exception {
        String person = "rem-" + System.nanoTime();
        Instant due = Instant.now().plusSeconds(1);
        JobKey job = TimerData.jobKey(person, "grow-again");
        directory.resolve(web(person));
        reminders.set(Reminder.of(person, "grow-again", web(person), person, "grow", Map.of(), due));
        // a second firing of the same occurrence, as after a crash mid-job
        scheduler.scheduleJob(TriggerBuilder.newTrigger().forJob(job).withIdentity("refire", job.getGroup())
                .usingJobData(TimerData.DUE, Long.toString(due.toEpochMilli())).startAt(java.util.Date.from(due))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> !scheduler.checkExists(job)
                && "grow".equals(conversations.state("web:web:" + person).map(ConversationState::flowId).orElse(null)));

        assertThat(botSaid("web:web:" + person)).filteredOn(t -> t.startsWith("Let's take a few minutes")).hasSize(1);
        assertThat(mongo.find(Query.query(Criteria.where("person").is(person)), Map.class,
                MongoReminderJournal.COLLECTION)).singleElement()
                .satisfies(entry -> assertThat(entry.get("outcome")).isEqualTo("SENT"));
    }

    @Test
    void erasingAPersonsRemindersRemovesTheirJobsAndTheirLog() {
        String person = "rem-" + System.nanoTime();
        Instant later = Instant.now().plus(Duration.ofDays(7));
        reminders.set(Reminder.of(person, "checkin", web(person), person, "goal-checkin", Map.of("goal", "g1"), later));
        reminders.set(Reminder.of(person, "grow-again", web(person), person, "grow", Map.of(), later));
        String other = "rem-other-" + System.nanoTime();
        reminders.set(Reminder.of(other, "checkin", web(other), other, "goal-checkin", Map.of(), later));

        assertThat(reminders.cancelAll(person)).isEqualTo(2);

        assertThat(reminders.list(person)).isEmpty();
        assertThat(reminders.list(other)).extracting(ScheduledReminder::name).containsExactly("checkin");
    }

    @Test
    void aReminderForAnErasedPersonIsDroppedSilentlyAndRecorded() throws Exception {
        String person = "rem-gone-" + System.nanoTime();
        directory.resolve(web(person));
        Instant due = Instant.now().plusSeconds(1);
        reminders.set(new Reminder(person, "grow-again", web(person), person, "grow", Map.of(), due,
                Reminder.DEFAULT_TOLERANCE, null, Recurrence.parse("weekly MON 09:00"), "UTC", false));
        // erasure removes the person's identity links first; a job firing in between finds nobody
        mongo.remove(Query.query(Criteria.where("_id").is(web(person).key())), "identityLinks");

        JobKey job = TimerData.jobKey(person, "grow-again");
        await().atMost(Duration.ofSeconds(30)).until(() -> !scheduler.checkExists(job));

        assertThat(conversations.state("web:web:" + person)).isEmpty();
        assertThat(mongo.find(Query.query(Criteria.where("person").is(person)), Map.class,
                MongoReminderJournal.COLLECTION)).singleElement().satisfies(entry -> {
                    assertThat(entry.get("outcome")).isEqualTo("DROPPED");
                    assertThat(entry.get("reason")).isEqualTo("person erased");
                });
        assertThat(reminders.list(person)).as("a weekly reminder stops, not just this week's").isEmpty();
    }

    @Test
    void settingAReminderForAnotherMomentMovesItInsteadOfAddingAnOccurrence() throws Exception {
        String person = "rem-move-" + System.nanoTime();
        Instant first = Instant.now().plus(Duration.ofDays(7));
        Instant moved = Instant.now().plus(Duration.ofDays(14));
        reminders.set(Reminder.of(person, "grow-step", web(person), person, "grow", Map.of(), first));
        reminders.set(Reminder.of(person, "grow-step", web(person), person, "grow", Map.of(), moved));

        assertThat(scheduler.getTriggersOfJob(TimerData.jobKey(person, "grow-step"))).hasSize(1);
        assertThat(reminders.list(person)).singleElement()
                .satisfies(r -> assertThat(r.next()).isEqualTo(moved.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
        reminders.cancelAll(person);
    }

    private static dev.trellis.engine.PlatformIdentity web(String user) {
        return new dev.trellis.engine.PlatformIdentity("web", "web", user);
    }

    private List<String> botSaid(String conversation) {
        return conversations.transcript(conversation).stream()
                .filter(e -> e.message() != null).map(e -> e.message().text()).toList();
    }
}
