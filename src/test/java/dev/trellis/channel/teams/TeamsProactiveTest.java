package dev.trellis.channel.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.scheduling.Reminder;
import dev.trellis.scheduling.Reminders;

/**
 * A proactive message: Trellis speaks first, long after the person last wrote, into the personal chat it remembered
 * from the install (service URL and all), with no activity from Teams to answer.
 */
class TeamsProactiveTest extends TeamsTestEnvironment {

    @Autowired
    Reminders reminders;
    @Autowired
    PersonDirectory people;

    @Test
    void reminderReachesThePersonalChatThroughItsStoredReference() throws Exception {
        TeamsPerson person = new TeamsPerson(port, mongo, "aad-proactive");
        assertThat(BotFramework.send(port, BotFramework.installed("proactive-install", person.conversation,
                person.aad)).statusCode()).isEqualTo(200);
        person.settled("welcome:proactive-install");
        int before = person.posted().size();

        PlatformIdentity identity = new PlatformIdentity(TeamsChannel.NAME, BotFramework.TENANT, person.aad);
        String personId = people.find(identity).orElseThrow();
        reminders.set(Reminder.of(personId, "grow-again", identity, person.conversation, "grow", Map.of(),
                Instant.now().plusSeconds(1)));

        await().atMost(Duration.ofSeconds(60)).until(() -> person.posted().stream().skip(before)
                .flatMap(activity -> TeamsConnectorLog.texts(activity).stream())
                .anyMatch(text -> text.startsWith("Let's take a few minutes")));
    }
}
