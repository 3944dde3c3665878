package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import dev.trellis.engine.Conversations;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@SpringBootTest
class IdleSweepTest {

    @Autowired
    IdleSweep sweep;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    Clock clock;

    @Autowired
    Conversations conversations;

    @Test
    void aConversationPastItsWakeTimeGetsOneTickPerTurnAndNoMoreOnceTheEngineDeclinedIt() {
        String person = "idle-" + System.nanoTime();
        String id = "test:T1:" + person;
        Date past = Date.from(clock.instant().minus(Duration.ofMinutes(5)));
        mongo.insert(new Document("_id", id).append("version", 0L).append("wakeAt", past)
                .append("state", new Document("status", "IDLE").append("attempts", 0).append("turn", 7L)
                        .append("wakeAt", past))
                .append("recipient", new Document("conversationId", id).append("channel", "test")
                        .append("workspace", "T1").append("userId", person).append("address", "dm-" + person)
                        .append("meta", new Document(Map.of()))), "conversations");

        sweep.sweep();
        sweep.sweep(); // a second node, or the next round before the tick was handled

        String tickId = "test:tick:" + id + ":7";
        Query ticks = Query.query(Criteria.where("conversationId").is(id).and("inbound").exists(true));
        assertThat(mongo.find(ticks, Document.class, "inbox")).extracting(tick -> tick.getString("_id"))
                .containsExactly(tickId);
        Document tick = mongo.findById(tickId, Document.class, "inbox").get("inbound", Document.class);
        assertThat(tick.getString("kind")).isEqualTo("TIMER");
        assertThat(tick.getString("address")).isEqualTo("dm-" + person);
        await().atMost(Duration.ofSeconds(20)).until(() -> "DONE".equals(
                mongo.findById(tickId, Document.class, "inbox").getString("status")));
        // nothing was due for an idle conversation: it is not swept again until a turn sets a new time
        assertThat(conversations.due(clock.instant(), 1000))
                .noneMatch(wake -> wake.recipient().conversationId().equals(id));
    }
}
