package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 1:1 series between a person (the owner, {@code id} is their person id) and their manager: when the next
 * one is, the talking points (a point is shown to the manager only when {@code shared}, and only until the next
 * 1:1 is held), and agreed actions. Recording agreed actions marks the 1:1 as held. {@code cadence} is the
 * meetings' recurrence ({@code every 2 weeks TUE 10:00 from 2026-12-08}) in {@code zone}, the manager's timezone,
 * once someone set the series; before that it is a plain period ({@code P14D}) and nothing is scheduled.
 */
@Document("oneOnOnes")
public record OneOnOne(@Id String id, String personId, @Indexed String managerId, String cadence, String zone,
                       LocalDate nextDate, List<TalkingPoint> talkingPoints, List<AgreedAction> agreedActions,
                       Instant lastHeldAt, Instant updatedAt,
                       @Version Long version) {

    /** A new OneOnOne, not stored yet (the store sets its version). */
    public OneOnOne(String id, String personId, String managerId, String cadence, String zone, LocalDate nextDate, List<TalkingPoint> talkingPoints, List<AgreedAction> agreedActions, Instant lastHeldAt, Instant updatedAt) {
        this(id, personId, managerId, cadence, zone, nextDate, talkingPoints, agreedActions, lastHeldAt, updatedAt, null);
    }


    public record TalkingPoint(String id, String text, boolean shared, Instant at) {
    }

    public record AgreedAction(String id, String text, String owner, LocalDate due, boolean done, Instant at) {
    }

    @PersistenceCreator
    public OneOnOne {
        talkingPoints = talkingPoints == null ? List.of() : List.copyOf(talkingPoints);
        agreedActions = agreedActions == null ? List.of() : List.copyOf(agreedActions);
    }

    public static OneOnOne start(String personId, String managerId, Instant now) {
        return new OneOnOne(personId, personId, managerId, "P14D", null, null, List.of(), List.of(), null, now);
    }

    /** Talking points raised since the last 1:1 was held (all of them before the first). */
    public List<TalkingPoint> openPoints() {
        return talkingPoints.stream().filter(p -> lastHeldAt == null || p.at().isAfter(lastHeldAt)).toList();
    }

    /** The open talking points the person chose to share with their manager. */
    public List<TalkingPoint> sharedPoints() {
        return openPoints().stream().filter(TalkingPoint::shared).toList();
    }

    /** This series with a 1:1 held at {@code at}: earlier talking points are no longer open. */
    public OneOnOne held(Instant at) {
        return new OneOnOne(id, personId, managerId, cadence, zone, nextDate, talkingPoints, agreedActions, at, at, version);
    }

    public OneOnOne withTalkingPoint(TalkingPoint point, Instant now) {
        if (talkingPoints.stream().anyMatch(p -> p.id().equals(point.id()))) {
            return this;
        }
        List<TalkingPoint> next = new ArrayList<>(talkingPoints);
        next.add(point);
        return new OneOnOne(id, personId, managerId, cadence, zone, nextDate, next, agreedActions, lastHeldAt, now, version);
    }

    public OneOnOne withAgreedAction(AgreedAction action, Instant now) {
        if (agreedActions.stream().anyMatch(a -> a.id().equals(action.id()))) {
            return this;
        }
        List<AgreedAction> next = new ArrayList<>(agreedActions);
        next.add(action);
        return new OneOnOne(id, personId, managerId, cadence, zone, nextDate, talkingPoints, next, lastHeldAt, now, version);
    }

    /** Whether a recurring series was set (with {@link #withSeries}). */
    public boolean hasSeries() {
        return cadence != null && !cadence.startsWith("P") && zone != null;
    }

    /** This series meeting on {@code recurrence} (a spec) in {@code zone}, first on {@code first}, with {@code manager}. */
    public OneOnOne withSeries(String recurrence, String zone, LocalDate first, String manager, Instant now) {
        return new OneOnOne(id, personId, manager, recurrence, zone, first, talkingPoints, agreedActions, lastHeldAt,
                now, version);
    }

    public OneOnOne withNextDate(LocalDate date, Instant now) {
        return new OneOnOne(id, personId, managerId, cadence, zone, date, talkingPoints, agreedActions, lastHeldAt, now, version);
    }
}
