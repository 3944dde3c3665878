package dev.trellis.coaching.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A rendered chart (PNG) a conversation shows; owned by the person it is about. */
@Document("chartImages")
public record ChartImage(@Id String id, String personId, String contentType, byte[] data, Instant createdAt) {
}
