package dev.trellis.identity;

import java.time.Instant;

import org.bson.Document;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Link codes the transcripts enter ({@code link-codes.yaml}, {@code link-de.yaml}, {@code link-messy.yaml}): {@code SAME-ACCT} made by the transcript's own person,
 * {@code LINK-TEST} by someone else. A real code is random and shown once, so a transcript cannot read it back.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TranscriptLinkCodes {

    @Bean
    SmartInitializingSingleton seedTranscriptLinkCodes(MongoTemplate mongo) {
        return () -> {
            seed(mongo, "SAMEACCT", "transcript-link-codes");
            seed(mongo, "LINKTEST", "someone-else");
            // the same again for the German transcript (link-de.yaml): a code works once
            seed(mongo, "SELBST22", "transcript-link-de");
            seed(mongo, "DEUTSCH2", "someone-else-de");
            // and for the messy one (link-messy.yaml), entered inside a sentence
            seed(mongo, "MSSYCD22", "someone-else-messy");
        };
    }

    private static void seed(MongoTemplate mongo, String code, String personId) {
        mongo.save(new Document("_id", LinkCodes.hash(code)).append("personId", personId)
                .append("expiresAt", Instant.parse("2100-01-01T00:00:00Z")), LinkCodes.COLLECTION);
    }
}
