package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The question a person was last asked from one bank ({@code id} = person id + topic), so it is not repeated;
 * {@code previousText} and {@code requestKey} let a re-applied request draw the same question again.
 */
@Document("askedQuestions")
public record AskedQuestion(@Id String id, String personId, String topic, String text, String previousText,
                            String requestKey, Instant at) {

    static String idOf(String personId, String topic) {
        return personId + "|" + topic;
    }
}
