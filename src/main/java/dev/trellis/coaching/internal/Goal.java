package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A SMART goal: {@code title} (specific), {@code measure}, {@code confidence} (achievable, 1–10), {@code why}
 * (relevant), {@code due} (time-bound). Progress is 0–10 with every check-in kept in {@code history}.
 * {@code visibility} says who besides the owner may see it.
 */
@Document("goals")
@CompoundIndex(name = "owner_status", def = "{'personId': 1, 'status': 1}")
public record Goal(@Id String id, String personId, String title, String measure, String why, Integer confidence,
                   LocalDate due, Status status, int progress, List<Progress> history, Visibility visibility,
                   Instant createdAt, Instant updatedAt,
                   @Version Long version) {

    /** A new Goal, not stored yet (the store sets its version). */
    public Goal(String id, String personId, String title, String measure, String why, Integer confidence, LocalDate due, Status status, int progress, List<Progress> history, Visibility visibility, Instant createdAt, Instant updatedAt) {
        this(id, personId, title, measure, why, confidence, due, status, progress, history, visibility, createdAt, updatedAt, null);
    }


    public enum Status { ACTIVE, DONE, DROPPED }

    /** Who may see the goal besides its owner. */
    public enum Visibility { PRIVATE, MANAGER }

    /** One recorded progress figure; {@code checkInId} makes recording it twice a no-op. */
    public record Progress(String checkInId, int value, Instant at) {
    }

    @PersistenceCreator
    public Goal {
        history = history == null ? List.of() : List.copyOf(history);
        status = status == null ? Status.ACTIVE : status;
        visibility = visibility == null ? Visibility.PRIVATE : visibility;
    }

    /** The progress figure before the latest one, or null when there was at most one. */
    public Integer previousProgress() {
        return history.size() < 2 ? null : history.get(history.size() - 2).value();
    }

    /** This goal with {@code value} recorded by check-in {@code checkInId}, unless that check-in is already in. */
    public Goal withProgress(String checkInId, int value, Instant at) {
        if (history.stream().anyMatch(p -> p.checkInId().equals(checkInId))) {
            return this;
        }
        List<Progress> next = new ArrayList<>(history);
        next.add(new Progress(checkInId, value, at));
        Status nextStatus = value >= 10 ? Status.DONE : status;
        return new Goal(id, personId, title, measure, why, confidence, due, nextStatus, value, next, visibility,
                createdAt, at, version);
    }

    /** This goal as the person (re)defined it; unchanged (the same instance) when nothing differs. */
    public Goal withDefinition(String newTitle, String newMeasure, String newWhy, Integer newConfidence,
                               LocalDate newDue, Visibility newVisibility, Instant at) {
        if (java.util.Objects.equals(title, newTitle) && java.util.Objects.equals(measure, newMeasure)
                && java.util.Objects.equals(why, newWhy) && java.util.Objects.equals(confidence, newConfidence)
                && java.util.Objects.equals(due, newDue) && visibility == newVisibility) {
            return this;
        }
        return new Goal(id, personId, newTitle, newMeasure, newWhy, newConfidence, newDue, status, progress, history,
                newVisibility, createdAt, at, version);
    }

    /** The goal with a new measure and due date (null keeps the old one): adjusting a goal that stalled. */
    public Goal withPlan(String newMeasure, LocalDate newDue, Instant at) {
        return new Goal(id, personId, title, newMeasure == null ? measure : newMeasure, why, confidence,
                newDue == null ? due : newDue, status, progress, history, visibility, createdAt, at, version);
    }

    public Goal withStatus(Status next, Instant at) {
        return new Goal(id, personId, title, measure, why, confidence, due, next, progress, history, visibility,
                createdAt, at, version);
    }
}
