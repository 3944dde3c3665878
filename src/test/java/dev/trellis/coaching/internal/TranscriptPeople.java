package dev.trellis.coaching.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.trellis.sharing.Audience;
import dev.trellis.sharing.Consents;
import dev.trellis.sharing.SharedItem;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.trellis.engine.PersonDirectory;
import dev.trellis.engine.PlatformIdentity;
import dev.trellis.sharing.ManagerLinks;

/**
 * People the transcripts need besides the one talking: Alex reports to the manager of
 * {@code manager-nudge-brief.yaml} (a confirmed link; transcript person ids are {@code transcript-<file name>}),
 * shared one talking point and one goal with the manager, and kept one of each private. The {@code manager-*.yaml}
 * transcripts meet requests waiting for them, a confirmed manager, and colleagues to name.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TranscriptPeople {

    public static final String MANAGER = "transcript-manager-nudge-brief";

    @Bean
    SmartInitializingSingleton seedTranscriptPeople(People people, OneOnOnes oneOnOnes, Goals goals,
                                                    ManagerLinks links, PersonDirectory directory, Consents consents) {
        return () -> {
            Instant at = Instant.parse("2026-11-01T09:00:00Z");
            // what Alex said yes to in a share step: one talking point and one goal, for the manager
            consents.give("seed-alex-tp1", "alex", new SharedItem("talkingPoint", "tp1"), Audience.MANAGER, at);
            consents.give("seed-alex-goal", "alex", new SharedItem("goal", "g-shared"), Audience.MANAGER, at);
            people.save(new Person("alex", Map.of(), "Alex", "Europe/Berlin", "en", null, false, at, at));
            links.importConfirmed("alex", MANAGER, at, false);
            // manager-nudge-typed.yaml and manager-nudge-unsure.yaml: a manager with one report each, nothing shared yet
            people.save(new Person("bea", Map.of(), "Bea", "Europe/London", "en", null, false, at, at));
            links.importConfirmed("bea", "transcript-manager-nudge-typed", at, false);
            people.save(new Person("ravi-k", Map.of(), "Ravi", "Europe/London", "en", null, false, at, at));
            links.importConfirmed("ravi-k", "transcript-manager-nudge-unsure", at, false);
            // manager-*.yaml: requests waiting for the transcript's person, a confirmed manager, and colleagues to
            // name (Lee has a Slack identity, so Trellis can ask Lee; the others never talked with Trellis)
            people.save(new Person("sam", Map.of(), "Sam Okafor", "Europe/London", "en", null, false, at, at));
            links.propose("sam", "transcript-manager-confirm", at);
            people.save(new Person("kim", Map.of(), "Kim Weber", "Europe/Berlin", "de", null, false, at, at));
            links.propose("kim", "transcript-manager-de", at);
            people.save(new Person("maria-lopez", Map.of(), "Maria Lopez", "Europe/Madrid", "en", null, false, at, at));
            links.importConfirmed("transcript-manager-current", "maria-lopez", at, false);
            links.importConfirmed("transcript-one-on-one-series", "maria-lopez", at, false);
            people.save(new Person("jo-park", Map.of(), "Jo Park", null, "en", null, false, at, at));
            people.save(new Person("jo-brandt", Map.of(), "Jo Brandt", null, "en", null, false, at, at));
            String lee = directory.resolve(new PlatformIdentity("slack", "TTRANSCRIPTS", "ULEE"));
            people.save(new Person(lee, Map.of(), "Lee Chen", "Asia/Singapore", "en", null, false, at, at));
            oneOnOnes.save(OneOnOne.start("alex", MANAGER, at)
                    .withTalkingPoint(new OneOnOne.TalkingPoint("tp1", "Budget for the conference in March", true, at), at)
                    .withTalkingPoint(new OneOnOne.TalkingPoint("tp2", "Unsure whether I want to stay", false, at), at));
            goals.save(new Goal("g-shared", "alex", "Run the team's first chaos day", "held with 3 teams", null, 7,
                    null, Goal.Status.ACTIVE, 0, List.of(), Goal.Visibility.MANAGER, at, at)
                    .withProgress("c1", 3, at).withProgress("c2", 6, at));
            goals.save(new Goal("g-private", "alex", "Find a mentor outside the company", null, null, null, null,
                    Goal.Status.ACTIVE, 0, List.of(), Goal.Visibility.PRIVATE, at, at));
        };
    }
}
