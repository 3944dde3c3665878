package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.PersistenceCreator;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A finished coaching flow, logged by the flow itself, so {@code session-feedback} knows what to ask about; with the
 * step the person planned ({@code action}, by {@code due}, both may be null), so the next session can ask how it went.
 */
@Document("sessions")
@CompoundIndex(name = "owner_at", def = "{'personId': 1, 'at': -1}")
public record CoachingSession(@Id String id, String personId, String flowId, String title, Instant at, String action,
                              LocalDate due) {

    @PersistenceCreator
    public CoachingSession {
    }

    public CoachingSession(String id, String personId, String flowId, String title, Instant at) {
        this(id, personId, flowId, title, at, null, null);
    }
}
