package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Two Trellis nodes (two Spring contexts, each with its own Quartz scheduler) share one clustered job store: every
 * reminder is handed to the inbox exactly once, whichever node sets it and whichever fires it. Runs on an H2 file
 * here; {@link TwoNodesPostgresTest} runs the same on PostgreSQL.
 */
class TwoNodesTest {

    /** What one node runs of Trellis for reminders: Boot's Quartz set-up and the reminders service. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(QuartzAutoConfiguration.class)
    @Import(Reminders.class)
    static class Node {
    }

    /** Nobody was erased: every identity still belongs to its person. */
    static final class EveryoneKnown implements dev.trellis.engine.PersonDirectory {
        @Override
        public String resolve(dev.trellis.engine.PlatformIdentity identity) {
            return identity.key();
        }

        @Override
        public java.util.Optional<String> find(dev.trellis.engine.PlatformIdentity identity) {
            return java.util.Optional.of(identity.key());
        }
    }

    final CountingInbox inbox = new CountingInbox();
    final RecordingJournal journal = new RecordingJournal();
    final String prefix = "QRTZ_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8) + "_";
    final String schedulerName = "trellis-nodes-" + UUID.randomUUID();
    final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    DataSource dataSource;

    DataSource dataSource() throws Exception {
        // under target/, not a temporary folder: a node that "died" mid-job may still hold the file when the test ends
        Path file = Path.of("target", "quartz-nodes", UUID.randomUUID().toString(), "quartz").toAbsolutePath();
        return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:file:" + file, "sa", "");
    }

    String schemaScript() {
        return "quartz/tables_h2.sql";
    }

    List<String> storeProperties() {
        return List.of();
    }

    @BeforeEach
    void twoNodesOnOneStore() throws Exception {
        dataSource = dataSource();
        String script = new ClassPathResource(schemaScript()).getContentAsString(StandardCharsets.UTF_8)
                .replace("QRTZ_", prefix);
        var populator = new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)));
        populator.setCommentPrefixes("#", "--");
        populator.execute(dataSource);

        GenericApplicationContext shared = new GenericApplicationContext();
        shared.registerBean(DataSource.class, () -> dataSource);
        shared.registerBean(CountingInbox.class, () -> inbox);
        shared.registerBean(RecordingJournal.class, () -> journal);
        shared.registerBean(MemoryPersonalTimes.class, MemoryPersonalTimes::new);
        shared.registerBean(PersonGoneGuard.class, () -> new PersonGoneGuard(new EveryoneKnown()));
        shared.registerBean(java.time.Clock.class, java.time.Clock::systemUTC);
        shared.refresh();
        contexts.add(shared);
        contexts.add(node(shared, "node-a"));
        contexts.add(node(shared, "node-b"));
    }

    private ConfigurableApplicationContext node(GenericApplicationContext shared, String instanceId) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.quartz.scheduler-name=" + schedulerName,
                "--spring.quartz.job-store-type=jdbc",
                "--spring.quartz.jdbc.initialize-schema=never",
                "--spring.quartz.properties.org.quartz.scheduler.instanceId=" + instanceId,
                "--spring.quartz.properties.org.quartz.jobStore.tablePrefix=" + prefix,
                "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                "--spring.quartz.properties.org.quartz.scheduler.idleWaitTime=1000"));
        storeProperties().forEach(p -> args.add("--" + p));
        return new SpringApplicationBuilder(Node.class).parent(shared).web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (int i = contexts.size() - 1; i >= 0; i--) {
            contexts.get(i).close();
        }
        dropTables();
    }

    void dropTables() throws Exception {
    }

    @Test
    void eachReminderReachesTheInboxExactlyOnceWhicheverNodeSetsIt() throws Exception {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        Reminders b = contexts.get(2).getBean(Reminders.class);
        Instant due = Instant.now().plusSeconds(2);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String person = "U" + i + "-" + UUID.randomUUID();
            people.add(person);
            (i % 2 == 0 ? a : b).set(Reminder.of(person, "checkin", slack(person), "D" + i, "goal-checkin",
                    Map.of("goal", "g" + i), due));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> inbox.stored.size() == people.size()
                && people.stream().allMatch(p -> a.list(p).isEmpty()));

        for (String person : people) {
            String eventId = "person:" + person + "/checkin:" + due.toEpochMilli();
            assertThat(inbox.handedIn(eventId)).as("hand-ins of %s", eventId).isEqualTo(1);
        }
        assertThat(inbox.stored).allSatisfy(event -> {
            assertThat(event.kind()).isEqualTo(dev.trellis.engine.Inbound.Kind.TIMER);
            assertThat(event.timer().flowId()).isEqualTo("goal-checkin");
            assertThat(event.timer().vars()).containsKey("goal");
            assertThat(event.meta()).isEmpty();
        });
        assertThat(journal.entries).hasSize(people.size())
                .allMatch(e -> e.outcome() == ReminderJournal.Outcome.SENT);
    }

    @Test
    void bothNodesSeeOnePersonsRemindersAndEitherCanRemoveThemAll() {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        Reminders b = contexts.get(2).getBean(Reminders.class);
        String person = "U-" + UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofDays(3));
        a.set(Reminder.of(person, "grow-followup", slack(person), "D1", "grow", Map.of(), later));
        a.set(Reminder.of(person, "checkin", slack(person), "D1", "goal-checkin", Map.of("goal", "g1"), later.plusSeconds(60)));
        a.set(Reminder.of(person, "checkin", slack(person), "D1", "goal-checkin", Map.of("goal", "g1"), later.plusSeconds(60)));

        assertThat(b.list(person)).extracting(ScheduledReminder::name).containsExactly("grow-followup", "checkin");
        assertThat(b.cancelAll(person)).isEqualTo(2);
        assertThat(a.list(person)).isEmpty();
    }

    @Test
    void aReminderRecoveredByTheOtherNodeAfterACrashIsADuplicateNotASecondMessage() throws Exception {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        var release = new java.util.concurrent.CountDownLatch(1);
        inbox.stallFirst = release;
        String person = "U-" + UUID.randomUUID();
        Instant due = Instant.now().plusSeconds(1);
        String eventId = "person:" + person + "/checkin:" + due.toEpochMilli();
        scheduler(2).standby();
        a.set(Reminder.of(person, "checkin", slack(person), "D1", "goal-checkin", Map.of(), due));

        // node A takes the job, hands the event in, and dies before telling the job store
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.stalled.getCount() == 0);
        inbox.accept(firstHandIn(person, due));
        scheduler(1).shutdown(false);
        scheduler(2).start();

        await().atMost(Duration.ofSeconds(60)).until(() -> inbox.handedIn(eventId) >= 2);
        release.countDown();
        assertThat(inbox.stored).filteredOn(e -> e.eventId().equals(eventId)).hasSize(1);
    }

    @Test
    void aWeeklyOccurrenceMissedWhileTheServiceWasDownIsSkippedRecordedAndTheSeriesCarriesOn() throws Exception {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        String person = "U-" + UUID.randomUUID();
        java.time.ZonedDateTime inThreeDays = Instant.now().plus(Duration.ofDays(3)).atZone(java.time.ZoneOffset.UTC);
        var weekly = new dev.trellis.flow.Recurrence.Weekly(1, inThreeDays.getDayOfWeek(),
                java.time.LocalTime.of(10, 0), null);
        Instant first = a.set(new Reminder(person, "checkin", slack(person), "D1", "goal-checkin", Map.of(), null,
                Duration.ofHours(2), null, weekly, "UTC", false));
        assertThat(first).isEqualTo(inThreeDays.toLocalDate().atTime(10, 0).toInstant(java.time.ZoneOffset.UTC));

        Instant missed = first.minus(Duration.ofDays(7));
        org.quartz.JobKey job = TimerData.jobKey(person, "checkin");
        scheduler(1).triggerJob(job, new org.quartz.JobDataMap(Map.of(TimerData.DUE,
                Long.toString(missed.toEpochMilli()), TimerData.NOMINAL, Long.toString(missed.toEpochMilli()))));

        await().atMost(Duration.ofSeconds(30)).until(() -> journal.entries.stream()
                .anyMatch(e -> e.personId().equals(person)));
        assertThat(journal.entries).filteredOn(e -> e.personId().equals(person)).singleElement()
                .satisfies(e -> {
                    assertThat(e.outcome()).isEqualTo(ReminderJournal.Outcome.SKIPPED_LATE);
                    assertThat(e.due()).isEqualTo(missed);
                });
        assertThat(inbox.stored).noneMatch(e -> e.userId().equals(person));
        assertThat(a.list(person)).extracting(ScheduledReminder::next).containsExactly(first);
    }

    @Test
    void aLateOneToOneNudgeIsSentAtOnceWhileTheMeetingIsAheadAndAnOrdinaryLateReminderIsNot() {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        String person = "U-" + UUID.randomUUID();
        Instant fiveHoursAgo = Instant.now().minus(Duration.ofHours(5));
        a.set(Reminder.of(person, "nudge", slack(person), "D1", "manager-nudge", Map.of(), fiveHoursAgo)
                .sendingBefore(Instant.now().plus(Duration.ofMinutes(50))));
        a.set(Reminder.of(person, "checkin", slack(person), "D1", "goal-checkin", Map.of(), fiveHoursAgo));

        await().atMost(Duration.ofSeconds(30)).until(() -> journal.entries.stream()
                .filter(e -> e.personId().equals(person)).count() == 2);
        assertThat(journal.entries).filteredOn(e -> e.personId().equals(person))
                .extracting(e -> e.timerId().substring(e.timerId().indexOf('/') + 1) + "=" + e.outcome())
                .containsExactlyInAnyOrder("nudge=SENT_LATE_BEFORE_DEADLINE", "checkin=SKIPPED_LATE");
        assertThat(inbox.stored).filteredOn(e -> e.userId().equals(person)).extracting(e -> e.timer().flowId())
                .containsExactly("manager-nudge");
    }

    @Test
    void pausedRemindersStayPausedIncludingNewOnesUntilResumed() {
        Reminders a = contexts.get(1).getBean(Reminders.class);
        Reminders b = contexts.get(2).getBean(Reminders.class);
        String person = "U-" + UUID.randomUUID();
        Instant later = Instant.now().plus(Duration.ofDays(2));
        a.set(Reminder.of(person, "grow-followup", slack(person), "D1", "grow", Map.of(), later));

        a.pauseAll(person);
        b.set(Reminder.of(person, "checkin", slack(person), "D1", "goal-checkin", Map.of(), later.plusSeconds(60)));
        assertThat(b.list(person)).extracting(ScheduledReminder::paused).containsExactly(true, true);

        b.resumeAll(person);
        assertThat(a.list(person)).extracting(ScheduledReminder::paused).containsExactly(false, false);
        assertThat(a.cancel(person, "checkin")).isTrue();
        assertThat(a.cancel(person, "checkin")).isFalse();
        assertThat(a.list(person)).extracting(ScheduledReminder::name).containsExactly("grow-followup");
    }

    /** What node A's stalled hand-in had stored before it died. */
    private static dev.trellis.engine.Inbound firstHandIn(String person, Instant due) {
        return new dev.trellis.engine.Inbound("slack", "person:" + person + "/checkin:" + due.toEpochMilli(), "T1",
                person, dev.trellis.engine.Inbound.Place.PRIVATE, "D1", dev.trellis.engine.Inbound.Kind.TIMER, "goal-checkin", "person:" + person + "/checkin",
                List.of(), Map.of(), due);
    }

    static dev.trellis.engine.PlatformIdentity slack(String user) {
        return new dev.trellis.engine.PlatformIdentity("slack", "T1", user);
    }

    Scheduler scheduler(int node) {
        return contexts.get(node).getBean(Scheduler.class);
    }

    int jobsOf(String person) throws Exception {
        return scheduler(1).getJobKeys(GroupMatcher.jobGroupEquals(TimerData.group(person))).size();
    }
}
