package dev.trellis.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.trellis.engine.FreeTextCodec;
import dev.trellis.engine.PlatformMessages;

/**
 * Where messages landed, for every channel: a redelivery finds its earlier landing, an answered question finds the
 * message that asked it (its text opened again, stored sealed), and conversations never see each other's.
 */
class MongoPlatformMessagesTest {

    private static final FreeTextCodec REVERSING = new FreeTextCodec() {
        @Override
        public String seal(String owner, String text) {
            return text == null ? null : new StringBuilder(text).reverse().toString();
        }

        @Override
        public String open(String owner, String stored) {
            return seal(owner, stored);
        }

        @Override
        public String sealInTransit(String context, String text) {
            return seal(context, text);
        }

        @Override
        public String openInTransit(String context, String stored) {
            return open(context, stored);
        }
    };

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoTemplate mongo;
    private final MongoPlatformMessages messages;

    MongoPlatformMessagesTest() {
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongo = new MongoTemplate(client, "landed");
        messages = new MongoPlatformMessages(mongo, REVERSING);
        messages.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void questionIsFoundByItsControlWithItsTextSealedAtRest() {
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        messages.remember(new PlatformMessages.Landed("teams:t:u1", "person-u1", "7#a", "c-7", "a:chat-1", "1:act",
                "How important is my promotion?", at));
        messages.remember(new PlatformMessages.Landed("teams:t:u2", "person-u2", "7#a", "c-7", "a:chat-2", "1:other", null, at));

        assertThat(messages.byControl("teams:t:u1", "c-7")).get().satisfies(landed -> {
            assertThat(landed.ref()).isEqualTo("1:act");
            assertThat(landed.questionText()).isEqualTo("How important is my promotion?");
        });
        assertThat(messages.byDelivery("teams:t:u2", "7#a")).get().extracting(PlatformMessages.Landed::ref)
                .isEqualTo("1:other");
        assertThat(messages.byControl("teams:t:u3", "c-7")).isEmpty();
        Document stored = mongo.getCollection(MongoPlatformMessages.COLLECTION)
                .find(new Document("_id", "teams:t:u1/7#a")).first();
        assertThat(stored.getString("questionText")).isEqualTo("?noitomorp ym si tnatropmi woH");
    }

    @Test
    void lastPlaceIsWhereTheLatestMessageLanded() {
        messages.remember(new PlatformMessages.Landed("slack:T:U1", "person-U1", "1#a", null, "D1", "1.1", null,
                Instant.parse("2026-12-03T10:00:00Z")));
        messages.remember(new PlatformMessages.Landed("slack:T:U1", "person-U1", "2#b", null, "D2", "1.2", null,
                Instant.parse("2026-12-03T10:05:00Z")));

        assertThat(messages.lastPlace("slack:T:U1")).contains("D2");
        assertThat(messages.lastPlace("slack:T:U9")).isEmpty();
    }
}
