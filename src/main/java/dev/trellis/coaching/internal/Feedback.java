package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Feedback the owner prepared or gave about someone's behaviour ({@code FEEDBACK}: situation, behaviour, impact,
 * request) or recognition of someone's contribution ({@code RECOGNITION}: situation, behaviour = what they did,
 * impact). {@code recipient} is who it is for, as the owner named them; {@code shared} when the owner chose to
 * send it.
 */
@Document("feedback")
@CompoundIndex(name = "owner_at", def = "{'personId': 1, 'at': -1}")
public record Feedback(@Id String id, String personId, Kind kind, String recipient, String situation,
                       String behaviour, String impact, String request, boolean shared, Instant at) {

    public enum Kind { FEEDBACK, RECOGNITION }
}
