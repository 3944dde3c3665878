package dev.trellis.channel.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.trellis.coaching.internal.People;
import dev.trellis.coaching.internal.Person;
import dev.trellis.engine.Conversations;
import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.engine.TranscriptEntry;
import dev.trellis.scheduling.Reminders;
import dev.trellis.scheduling.ScheduledReminder;
import dev.trellis.sharing.ManagerLink;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.testing.SlackWebApiStub;

/**
 * A 1:1 series end to end in Slack, with real signed requests, the real inbox, engine, Quartz jobs and outbox: Ana's
 * link to Ben is confirmed, she sets their series while preparing (every other Tuesday 10:00, Ben's time) and shares
 * one talking point of two; her preparation comes, Ben's nudge shows only the shared point; after the meeting Ben
 * records an action, and the next nudge lists it. Once Ana ends the link, Ben's next nudge is dropped unseen. The
 * reminders are fired by Quartz itself, at once (a test cannot wait two weeks), through the real job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OneOnOneSeriesEndToEndTest {

    static final SlackWebApiStub SLACK_API = SlackWebApiStub.start("D1");

    @DynamicPropertySource
    static void slackSettings(DynamicPropertyRegistry registry) {
        SLACK_API.register(registry, "T1", SlackRequests.SIGNING_SECRET, 50);
    }

    private static final Set<String> ANA_CHATS = Set.of("UANA", "DANA");
    private static final Set<String> BEN_CHATS = Set.of("UBEN", "DBEN");
    private static final String BEN_CONVERSATION = "slack:T1:UBEN";

    @LocalServerPort
    int port;
    @Autowired
    ManagerLinks links;
    @Autowired
    PersonDirectory directory;
    @Autowired
    People people;
    @Autowired
    Reminders reminders;
    @Autowired
    Scheduler scheduler;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    Conversations conversations;

    private SlackRequests slack;
    private int event;

    @Test
    void theNudgeShowsOnlySharedItemsAndTheNextOneListsTheAgreedActions() throws Exception {
        slack = new SlackRequests(port);
        String ana = directory.resolve(new PlatformIdentity("slack", "T1", "UANA"));
        String ben = directory.resolve(new PlatformIdentity("slack", "T1", "UBEN"));
        people.save(new Person(ana, Map.of(), "Ana", "Europe/London", "en", null, false, Instant.EPOCH, Instant.EPOCH));
        people.save(new Person(ben, Map.of(), "Ben", "Europe/Berlin", "en", null, false, Instant.EPOCH, Instant.EPOCH));
        ManagerLink link = links.propose(ana, ben, Instant.now());
        links.confirm(link.id(), ben, Instant.now());
        assertThat(links.managerOf(ana)).as("the link counts once Ben confirmed it").contains(ben);

        // Ana prepares and sets the series: every other Tuesday, 10:00 in Ben's timezone
        LocalDate tuesday = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(2)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        command("UANA", "one-on-one-prep");
        said(ANA_CHATS, "How often do you meet your manager for a 1:1?");
        dm("UANA", "Every other week");
        said(ANA_CHATS, "When is the next one (the date)?");
        dm("UANA", tuesday.toString());
        said(ANA_CHATS, "At what time, in your manager's timezone? (like 10:00)");
        dm("UANA", "10:00");
        said(ANA_CHATS, "Done: your 1:1s are set");
        dm("UANA", "The billing fix shipped without a hitch");
        said(ANA_CHATS, "Where could you use support");
        dm("UANA", "Hiring takes most of my week");
        said(ANA_CHATS, "Something to think about");
        dm("UANA", "More focus time");
        said(ANA_CHATS, "What do you most want to talk about in the 1:1?");
        dm("UANA", "Budget for the conference in March");
        said(ANA_CHATS, "Shall I share this talking point with your manager");
        dm("UANA", "Share it");
        said(ANA_CHATS, "Anything else you'd like to raise?");
        dm("UANA", "Add another");
        dm("UANA", "Whether I should look for another team");
        dm("UANA", "Keep it private");
        dm("UANA", "That's all");
        said(ANA_CHATS, "You're ready.");

        Instant meeting = ZonedDateTime.of(tuesday, java.time.LocalTime.of(10, 0), ZoneId.of("Europe/Berlin"))
                .toInstant();
        assertThat(reminders.list(ben)).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("manager-nudge-" + ana);
            assertThat(r.next()).as("an hour before the meeting").isEqualTo(meeting.minus(Duration.ofHours(1)));
            assertThat(r.every()).isEqualTo("every 2 weeks TUE 09:00 from " + tuesday);
        });
        assertThat(reminders.list(ana)).extracting(ScheduledReminder::name)
                .contains("one-on-one-prep", "one-on-one-after");
        assertThat(reminders.list(ana)).filteredOn(r -> r.name().equals("one-on-one-prep")).singleElement()
                .satisfies(r -> assertThat(r.next()).as("a day before, in working hours")
                        .isBefore(meeting).isAfter(meeting.minus(Duration.ofDays(2))));

        // the day before: Ana's preparation comes by itself
        int anaBefore = posted(ANA_CHATS).size();
        fire(ana, "one-on-one-prep");
        await().atMost(Duration.ofSeconds(60)).until(() -> posted(ANA_CHATS).stream().skip(anaBefore)
                .anyMatch(text -> text.startsWith("Let's get you ready for your next 1:1")));

        // an hour before: Ben's nudge, with only what Ana shared
        fire(ben, "manager-nudge-" + ana);
        said(BEN_CHATS, "Talking points Ana shared with you:\n• Budget for the conference in March");
        said(BEN_CHATS, "What you agreed last time:\nNo agreed actions yet.");
        said(BEN_CHATS, "Two questions you could ask");
        said(BEN_CHATS, "Have you had the 1:1 already?");
        dm("UBEN", "Not yet");
        said(BEN_CHATS, "Have a good conversation");
        assertThat(posted(BEN_CHATS)).as("only what Ana shared reaches Ben")
                .noneMatch(text -> text.contains("another team")).noneMatch(text -> text.contains("Hiring takes"))
                .noneMatch(text -> text.contains("billing fix")).noneMatch(text -> text.contains("More focus time"));
        // the shared point is read by reference when shown: Ben's stored conversation keeps no copy of Ana's words
        assertThat(conversations.state(BEN_CONVERSATION).orElseThrow().vars().toString())
                .doesNotContain("Budget for the conference").doesNotContain("another team");
        assertThat(conversations.transcript(BEN_CONVERSATION)).allSatisfy(entry -> assertThat(
                entry.direction() == TranscriptEntry.Direction.OUT ? entry.message().text() : entry.text())
                .doesNotContain("Budget for the conference").doesNotContain("another team"));

        // after the meeting: Ben is asked for the actions they agreed
        int benBefore = posted(BEN_CHATS).size();
        fire(ben, "one-on-one-after-" + ana);
        await().atMost(Duration.ofSeconds(60)).until(() -> posted(BEN_CHATS).stream().skip(benBefore)
                .anyMatch(text -> text.startsWith("Have you had the 1:1 already?")));
        dm("UBEN", "Record actions");
        said(BEN_CHATS, "What did you agree? One action at a time.");
        dm("UBEN", "Ana drafts the conference budget");
        said(BEN_CHATS, "Who owns it?");
        dm("UBEN", "Ana");
        said(BEN_CHATS, "By when?");
        dm("UBEN", tuesday.plusDays(7).toString());
        said(BEN_CHATS, "Another action?");
        dm("UBEN", "That's all");
        said(BEN_CHATS, "Recorded. Ana will see the agreed actions");

        // the next nudge lists them; the private point never reached Ben
        int beforeNext = posted(BEN_CHATS).size();
        fire(ben, "manager-nudge-" + ana);
        await().atMost(Duration.ofSeconds(60)).until(() -> posted(BEN_CHATS).stream().skip(beforeNext).anyMatch(
                text -> text.equals("What you agreed last time:\n• Ana drafts the conference budget, theirs, by "
                        + tuesday.plusDays(7) + " (open)")));
        assertThat(posted(BEN_CHATS)).noneMatch(text -> text.contains("another team"))
                .noneMatch(text -> text.contains("Hiring takes")).noneMatch(text -> text.contains("billing fix"));

        // Ana ends the link: Ben's next nudge is dropped without a word and recorded
        dm("UBEN", "Not yet");
        said(BEN_CHATS, "Have a good conversation");
        links.end(link.id(), ana, Instant.now());
        int beforeDropped = posted(BEN_CHATS).size();
        fire(ben, "manager-nudge-" + ana);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.find(
                org.springframework.data.mongodb.core.query.Query.query(org.springframework.data.mongodb.core.query
                        .Criteria.where("person").is(ben).and("outcome").is("DROPPED")), Document.class, "reminderLog")
                .size() == 1);
        // the series' nudge stops with the link (the log entry is written just before the job goes)
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders.list(ben).stream()
                .noneMatch(r -> r.name().equals("manager-nudge-" + ana)));
        Thread.sleep(2000);
        List<String> afterDrop = posted(BEN_CHATS);
        assertThat(afterDrop.subList(beforeDropped, afterDrop.size())).as("no brief after the link ended")
                .noneMatch(text -> text.startsWith("Talking points") || text.startsWith("What you agreed"));
        // the point was shared once and is no longer open after the meeting: only the first nudge told it
        assertThat(afterDrop).filteredOn(text -> text.startsWith("Talking points Ana shared")).hasSize(1);
        assertThat(afterDrop.subList(beforeNext, beforeDropped)).contains("No talking points shared with you yet.");
    }

    private void fire(String person, String name) throws Exception {
        scheduler.triggerJob(JobKey.jobKey(name, "person:" + person));
    }

    private void command(String user, String text) throws Exception {
        assertThat(slack.form(Map.of("command", "/coach", "text", text, "team_id", "T1", "user_id", user,
                "channel_id", "D" + user.substring(1), "trigger_id", "t-" + user + "-" + (++event))).statusCode())
                .isEqualTo(200);
    }

    private void dm(String user, String text) throws Exception {
        int before = posted(Set.of("U" + user.substring(1), "D" + user.substring(1))).size();
        assertThat(slack.event(SlackRequests.messageEvent("EvSeries" + (++event), user, "D" + user.substring(1),
                text)).statusCode()).isEqualTo(200);
        // each answer gets something back before the next is typed, as a person reads before they answer
        await().atMost(Duration.ofSeconds(60)).until(() ->
                posted(Set.of("U" + user.substring(1), "D" + user.substring(1))).size() > before);
    }

    private static void said(Set<String> chats, String start) {
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> posted(chats).stream()
                    .anyMatch(text -> text.startsWith(start)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not said: " + start + "; said " + posted(chats), e);
        }
    }

    private static List<String> posted(Set<String> chats) {
        return SLACK_API.posts().stream().filter(form -> chats.contains(form.get("channel")) && form.get("text") != null)
                .map(form -> form.get("text")).toList();
    }
}
