package dev.trellis.coaching.internal;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import dev.trellis.coaching.Wheel;

/** One career-wheel rating: the eight areas by key, 1–10 each, with the chart drawn for it. */
@Document("wheels")
@CompoundIndex(name = "owner_at", def = "{'personId': 1, 'at': -1}")
public record WheelRating(@Id String id, String personId, Map<String, Integer> scores, String note,
                          String chartImageId, Instant at) {

    public Wheel wheel() {
        return Wheel.ofKeys(scores);
    }
}
