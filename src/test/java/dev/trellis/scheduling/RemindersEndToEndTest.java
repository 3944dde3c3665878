package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.trellis.engine.ConversationState;
import dev.trellis.engine.Conversations;
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

    @Test
    void aReminderThatFiresTwiceForOneMomentStartsItsFlowOnce() throws Exception {
        String person = "rem-" + System.nanoTime();
        Instant due = Instant.now().plusSeconds(1);
        JobKey job = TimerData.jobKey(person, "grow-again");
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

    private static dev.trellis.engine.PlatformIdentity web(String user) {
        return new dev.trellis.engine.PlatformIdentity("web", "web", user);
    }

    private List<String> botSaid(String conversation) {
        return conversations.transcript(conversation).stream()
                .filter(e -> e.message() != null).map(e -> e.message().text()).toList();
    }
}
