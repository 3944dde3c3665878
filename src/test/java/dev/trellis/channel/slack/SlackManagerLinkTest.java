package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.trellis.coaching.internal.People;
import dev.trellis.coaching.internal.Person;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.scheduling.Reminders;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.testing.SlackWebApiStub;

/**
 * Naming a manager in Slack, end to end with real signed requests: Ana, asked who her manager is, mentions Ben in a
 * public channel by mistake (the channel gets a pointer to the DM and nothing else, and no link is made), then types
 * the mention in her DM. Ben is asked in his own chat; nothing counts until he confirms in words.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlackManagerLinkTest {

    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D1");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T1", SlackRequests.SIGNING_SECRET, 50);
    }

    @LocalServerPort
    int port;
    @Autowired
    ManagerLinks links;
    @Autowired
    PersonDirectory people;
    @Autowired
    Reminders reminders;
    @Autowired
    People profiles;

    @Test
    void aMentionInAChannelMidFlowLeaksNothingAndTheLinkCountsOnlyOnceTheManagerConfirms() throws Exception {
        SlackRequests slack = new SlackRequests(port);
        String ana = people.resolve(new PlatformIdentity("slack", "T1", "UANA"));
        profiles.save(new Person(ana, Map.of(), "Ana", null, null, null, false, Instant.EPOCH, Instant.EPOCH));
        command(slack, "UANA", "manager", "t-ana-1");
        waitFor(form -> "UANA".equals(form.get("channel")) && form.get("text").startsWith("Who is your manager?"));

        slack.event("""
                {"team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":"EvChannelMention","event":{
                 "type":"app_mention","channel":"C1","user":"UANA","text":"<@U0BOT> my manager is <@UBEN>",
                 "ts":"1700000005.000100"}}""");
        Map<String, String> pointer = waitFor(form -> "C1".equals(form.get("channel")));
        assertThat(pointer.get("text")).contains("continue in a direct message");
        assertThat(links.openLinkOf(ana)).as("the channel mention named no one").isEmpty();

        assertThat(slack.event(SlackRequests.messageEvent("EvAnaNames", "UANA", "DANA", "it's <@UBEN>"))
                .statusCode()).isEqualTo(200);
        // Ben never wrote to Trellis: the mention alone names him, and he is asked in a DM opened by his user id
        waitFor(form -> form.get("text").startsWith("I've asked them to confirm in their own chat."));
        String ben = people.find(new PlatformIdentity("slack", "T1", "UBEN")).orElseThrow();
        assertThat(links.openLinkOf(ana)).hasValueSatisfying(link -> assertThat(link.managerId()).isEqualTo(ben));
        assertThat(links.managerOf(ana)).as("not until Ben confirms").isEmpty();
        assertThat(reminders.list(ben)).anySatisfy(r -> assertThat(r.flowId()).isEqualTo("manager"));

        // Ben answers in his own DM (the reminder asks him in his working hours; he may open it himself first)
        command(slack, "UBEN", "manager", "t-ben-1");
        waitFor(form -> "UBEN".equals(form.get("channel"))
                && form.get("text").startsWith("Ana named you as their manager on Trellis."));
        slack.event(SlackRequests.messageEvent("EvBenConfirms", "UBEN", "DBEN", "yes that's me"));
        waitFor(form -> form.get("text").startsWith("Confirmed: you're linked as Ana's manager."));

        assertThat(links.managerOf(ana)).contains(ben);
        assertThat(requests("/api/chat.postMessage")).filteredOn(form -> "C1".equals(form.get("channel")))
                .singleElement().satisfies(form -> assertThat(form.get("text")).doesNotContain("manager")
                        .doesNotContain("UBEN"));
        assertThat(requests("/api/chat.postEphemeral")).noneMatch(form -> "C1".equals(form.get("channel")));
    }

    private static void command(SlackRequests slack, String user, String text, String trigger) throws Exception {
        assertThat(slack.form(Map.of("command", "/coach", "text", text, "team_id", "T1", "user_id", user,
                "channel_id", "D" + user, "trigger_id", trigger)).statusCode()).isEqualTo(200);
    }

    private static Map<String, String> waitFor(Predicate<Map<String, String>> wanted) {
        return SLACK_API.awaitPost(form -> form.get("text") != null && wanted.test(form));
    }

    private static List<Map<String, String>> requests(String path) {
        return SLACK_API.requests(path);
    }
}
