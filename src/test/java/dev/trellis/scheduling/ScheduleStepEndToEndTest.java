package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.trellis.engine.Inbound;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.inbox.Inbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * A flow's {@code schedule} step, end to end: the turn's effect reaches the scheduling feature, which sets the Quartz
 * job under the person's id; {@code unschedule} removes it again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ScheduleStepEndToEndTest {

    static final String PLAN = """
            id: plan
            title: Plan a step
            steps:
              - id: when
                ask: { text: "By when will you have done it?", type: date, validate: { notInPast: true } }
                save: due
              - id: follow-up
                schedule: { name: plan-followup, at: due }
              - id: check-ins
                schedule: { name: plan-checkins, every: "weekly FRI 16:00" }
              - id: keep
                confirm: "Keep the weekly check-ins?"
                save: keep
                next:
                  - if: keep
                    goto: done
                  - goto: drop
              - id: drop
                unschedule: plan-checkins
              - id: done
                end: "I'll check in."
            """;

    @DynamicPropertySource
    static void flows(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("schedule-flows");
        FileSystemUtils.copyRecursively(Path.of("conversation-flows", "messages"), dir.resolve("messages"));
        Files.writeString(dir.resolve("plan.yaml"), PLAN);
        registry.add("trellis.flows.dir", dir::toString);
    }

    @Autowired
    Inbox inbox;
    @Autowired
    Reminders reminders;
    @Autowired
    PersonDirectory people;

    @Test
    void aFlowSetsItsFollowUpAndCheckInsAndCancelsWhatThePersonDeclines() {
        String user = "plan-" + System.nanoTime();
        PlatformIdentity web = new PlatformIdentity("web", "web", user);
        Instant now = Instant.now();
        inbox.accept(Inbound.command("web", user + "-1", "web", user, user, "plan", now));
        inbox.accept(Inbound.message("web", user + "-2", "web", user, user, "in two weeks", now));

        await().atMost(Duration.ofSeconds(30)).until(() -> people.find(web)
                .map(person -> reminders.list(person).size() == 2).orElse(false));
        String person = people.find(web).orElseThrow();
        assertThat(reminders.list(person)).extracting(ScheduledReminder::name, ScheduledReminder::flowId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("plan-followup", "plan"),
                        org.assertj.core.groups.Tuple.tuple("plan-checkins", "plan"));

        inbox.accept(Inbound.message("web", user + "-3", "web", user, user, "no", now));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders.list(person).size() == 1);
        assertThat(reminders.list(person)).extracting(ScheduledReminder::name).isEqualTo(List.of("plan-followup"));
    }
}
