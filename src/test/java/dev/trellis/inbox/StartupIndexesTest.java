package dev.trellis.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The indexes the inbox and conversation queries rely on are declared at start-up. The embedded server drops
 * non-unique indexes, so this listens to what the application asks MongoDB for instead of listing what it kept.
 */
@SpringBootTest
class StartupIndexesTest {

    record IndexRequest(String collection, String name) {
    }

    @TestConfiguration
    static class Listening {
        final List<IndexRequest> requested = new CopyOnWriteArrayList<>();

        @Bean
        MongoClientSettingsBuilderCustomizer recordIndexRequests() {
            return settings -> settings.addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("createIndexes")) {
                        BsonDocument command = event.getCommand();
                        command.getArray("indexes").forEach(index -> requested.add(new IndexRequest(
                                command.getString("createIndexes").getValue(),
                                index.asDocument().getString("name").getValue())));
                    }
                }
            });
        }
    }

    @Autowired
    Listening listening;

    @Test
    void inboxAndConversationIndexesAreCreatedAtStartup() {
        assertThat(listening.requested).contains(
                new IndexRequest("inbox", "unprocessed"),
                new IndexRequest("inbox", "revision"),
                new IndexRequest("conversations", "wakeAt"),
                new IndexRequest("conversations", "version"),
                new IndexRequest("conversations", "sendOwner"));
    }
}
