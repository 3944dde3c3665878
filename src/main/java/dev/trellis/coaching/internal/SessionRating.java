package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** How useful a person found a coaching session (1–5), what helped and what would make it better. */
@Document("sessionRatings")
@CompoundIndex(name = "owner_session", def = "{'personId': 1, 'sessionId': 1}")
public record SessionRating(@Id String id, String personId, String sessionId, String flowId, int rating,
                            String helped, String improve, Instant at) {
}
