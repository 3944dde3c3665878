package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** A look at one goal: progress 0–10, what happened, what got in the way, the next step, and the trend seen. */
@Document("checkins")
@CompoundIndex(name = "owner_goal_at", def = "{'personId': 1, 'goalId': 1, 'at': -1}")
public record CheckIn(@Id String id, String personId, String goalId, int progress, Integer previousProgress,
                      String note, String obstacle, String nextStep, String trend, Instant at) {
}
