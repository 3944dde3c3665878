package dev.trellis.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.trellis.engine.PlatformIdentity;

/** Identity links: one person per identity whoever resolves it first, and one-time link codes. */
@SpringBootTest
class PersonDirectoryTest {

    @Autowired
    MongoPersonDirectory directory;
    @Autowired
    LinkCodes codes;
    @Autowired
    MongoTemplate mongo;

    @Test
    void eightResolversOfTheSameNewIdentityAtOnceGetOnePerson() throws Exception {
        PlatformIdentity newcomer = new PlatformIdentity("slack", "T1", "URACE" + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        Callable<String> resolve = () -> {
            start.await();
            return directory.resolve(newcomer);
        };
        List<Future<String>> answers = IntStream.range(0, 8).mapToObj(i -> pool.submit(resolve)).toList();
        start.countDown();
        Set<String> persons = answers.stream().map(this::get).collect(Collectors.toSet());
        pool.shutdown();

        assertThat(persons).hasSize(1);
        assertThat(directory.find(newcomer)).contains(persons.iterator().next());
        assertThat(directory.links(persons.iterator().next())).singleElement()
                .satisfies(link -> assertThat(link.key()).isEqualTo(newcomer.key()));
    }

    @Test
    void aLinkCodeWorksOnceIsStoredOnlyAsAHashAndExpires() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        String code = codes.create("person-maker", now);

        assertThat(code).matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}");
        assertThat(mongo.findAll(Document.class, LinkCodes.COLLECTION)).extracting(Document::toJson)
                .noneMatch(json -> json.contains(code) || json.contains(code.replace("-", "")));
        assertThat(codes.redeem(" " + code.toLowerCase().replace("-", " ") + " ", "turn-1", now.plusSeconds(60)))
                .contains("person-maker");
        assertThat(codes.redeem(code, "turn-1", now.plusSeconds(61))).as("the same turn applied again")
                .contains("person-maker");
        assertThat(codes.redeem(code, "turn-2", now.plusSeconds(62))).as("a second use").isEmpty();

        String late = codes.create("person-maker", now);
        assertThat(codes.redeem(late, "turn-3", now.plus(LinkCodes.LIFETIME).plusSeconds(1))).isEmpty();
    }

    @Test
    void mergingMovesEveryIdentityAndTheDataToTheSurvivingPerson() {
        PlatformIdentity web = new PlatformIdentity("web", "web", "digest" + System.nanoTime());
        PlatformIdentity slack = new PlatformIdentity("slack", "T1", "UMERGE" + System.nanoTime());
        String webPerson = directory.resolve(web);
        String slackPerson = directory.resolve(slack);
        mongo.insert(new Document("_id", "goal-" + slackPerson).append("personId", slackPerson), "goals");

        directory.merge(slackPerson, webPerson);

        assertThat(directory.find(slack)).contains(webPerson);
        assertThat(directory.links(slackPerson)).isEmpty();
        assertThat(mongo.findById("goal-" + slackPerson, Document.class, "goals")).containsEntry("personId", webPerson);
    }

    @Test
    void sameEmailLinksNothingWhileLinkingByEmailIsOff() {
        EmailLinks off = new EmailLinks(mongo, directory, new IdentityProperties(false));
        PlatformIdentity slack = new PlatformIdentity("slack", "T1", "UOFF" + System.nanoTime());
        PlatformIdentity teams = new PlatformIdentity("teams", "tenant", "29:off" + System.nanoTime());

        off.verified(slack, "kim@example.com");
        off.verified(teams, "kim@example.com");

        assertThat(directory.find(slack)).isEmpty();
        assertThat(directory.find(teams)).isEmpty();
    }

    private String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
