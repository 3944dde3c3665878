package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A finished coaching flow, logged by the flow itself, so {@code session-feedback} knows what to ask about. */
@Document("sessions")
@CompoundIndex(name = "owner_at", def = "{'personId': 1, 'at': -1}")
public record CoachingSession(@Id String id, String personId, String flowId, String title, Instant at) {
}
