package dev.trellis.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;

import static org.awaitility.Awaitility.await;

/** Quartz keeps its jobs in the database (H2 here), clustered, and a restart's schema run keeps them. */
@SpringBootTest
class QuartzJobStoreTest {

    /** What jobs saw when they ran, by job name. */
    static class Fired {
        final Map<String, String> conversations = new ConcurrentHashMap<>();
    }

    /** A job that records the conversation id it carries. Quartz builds it with Spring's help. */
    static class RecordingJob implements Job {
        private final Fired fired;

        RecordingJob(Fired fired) {
            this.fired = fired;
        }

        @Override
        public void execute(JobExecutionContext context) {
            fired.conversations.put(context.getJobDetail().getKey().getName(),
                    context.getMergedJobDataMap().getString("conversationId"));
        }
    }

    @TestConfiguration
    static class Jobs {
        @Bean
        Fired fired() {
            return new Fired();
        }
    }

    @Autowired
    Scheduler scheduler;

    @Autowired
    Fired fired;

    @Autowired
    DataSource dataSource;

    @Test
    void jobsAreKeptInTheDatabaseAndTheSchedulerIsClustered() throws Exception {
        var metaData = scheduler.getMetaData();

        assertThat(metaData.getJobStoreClass()).isEqualTo(LocalDataSourceJobStore.class);
        assertThat(metaData.isJobStoreSupportsPersistence()).isTrue();
        assertThat(metaData.isJobStoreClustered()).isTrue();
    }

    @Test
    void aJobRunsWithTheIdsItWasGiven() throws Exception {
        String name = "job-" + UUID.randomUUID();
        scheduler.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity(name)
                        .usingJobData("conversationId", "test:ana").build(),
                TriggerBuilder.newTrigger().startNow().build());

        await().atMost(Duration.ofSeconds(30)).until(() -> fired.conversations.containsKey(name));
        assertThat(fired.conversations).containsEntry(name, "test:ana");
    }

    @Test
    void runningTheSchemaScriptAgainKeepsScheduledJobs() throws Exception {
        JobKey later = JobKey.jobKey("later-" + UUID.randomUUID());
        scheduler.scheduleJob(JobBuilder.newJob(RecordingJob.class).withIdentity(later).build(),
                TriggerBuilder.newTrigger().startAt(Date.from(Instant.now().plus(Duration.ofDays(1)))).build());

        var populator = new ResourceDatabasePopulator(new ClassPathResource(schemaScript()));
        populator.setContinueOnError(false);
        populator.setCommentPrefixes("#", "--");
        populator.execute(dataSource);

        assertThat(scheduler.checkExists(later)).isTrue();
        scheduler.deleteJob(later);
    }

    String schemaScript() {
        return "quartz/tables_h2.sql";
    }
}
