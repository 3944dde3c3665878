package dev.trellis.coaching.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.trellis.sharing.Audience;
import dev.trellis.sharing.Consents;
import dev.trellis.sharing.ManagerLinks;
import dev.trellis.sharing.SharedItem;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * People the transcripts need besides the one talking: Alex reports to the manager of
 * {@code manager-nudge-*.yaml} (transcript person ids are {@code transcript-<file name>}), shared one talking point
 * and one goal with the manager, and kept one of each private.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TranscriptPeople {

    public static final String MANAGER = "transcript-manager-nudge-brief";

    /**
     * Maria is Alex's confirmed manager (and nobody else's is on record). Stands in for the manager links until their
     * store is on main: it answers from the people records the transcripts seed.
     */
    @Bean
    @org.springframework.context.annotation.Primary
    ManagerLinks transcriptManagerLinks(People people) {
        return new ManagerLinks() {
            @Override
            public Optional<String> managerOf(String personId) {
                return people.findById(personId).map(Person::managerId);
            }

            @Override
            public List<String> reportsOf(String managerId) {
                return people.findAll().stream().filter(p -> managerId.equals(p.managerId())).map(Person::id).toList();
            }
        };
    }

    @Bean
    SmartInitializingSingleton seedTranscriptPeople(People people, OneOnOnes oneOnOnes, Goals goals, Consents consents) {
        return () -> {
            Instant at = Instant.parse("2026-11-01T09:00:00Z");
            // what Alex said yes to in a share step: one talking point and one goal, for the manager
            consents.give("seed-alex-tp1", "alex", new SharedItem("talkingPoint", "tp1"), Audience.MANAGER, at);
            consents.give("seed-alex-goal", "alex", new SharedItem("goal", "g-shared"), Audience.MANAGER, at);
            people.save(new Person("alex", Map.of(), "Alex", "Europe/Berlin", "en", null, MANAGER, false, at, at));
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
