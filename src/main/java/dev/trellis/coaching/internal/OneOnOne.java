package dev.trellis.coaching.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The 1:1 series between a person (the owner, {@code id} is their person id) and their manager: when the next
 * one is, the talking points (a point is shown to the manager only when {@code shared}), and agreed actions.
 */
@Document("oneOnOnes")
public record OneOnOne(@Id String id, String personId, @Indexed String managerId, String cadence, LocalDate nextDate,
                       List<TalkingPoint> talkingPoints, List<AgreedAction> agreedActions, Instant lastHeldAt,
                       Instant updatedAt) {

    public record TalkingPoint(String id, String text, boolean shared, Instant at) {
    }

    public record AgreedAction(String id, String text, String owner, LocalDate due, boolean done, Instant at) {
    }

    public OneOnOne {
        talkingPoints = talkingPoints == null ? List.of() : List.copyOf(talkingPoints);
        agreedActions = agreedActions == null ? List.of() : List.copyOf(agreedActions);
    }

    public static OneOnOne start(String personId, String managerId, Instant now) {
        return new OneOnOne(personId, personId, managerId, "P14D", null, List.of(), List.of(), null, now);
    }

    public List<TalkingPoint> sharedPoints() {
        return talkingPoints.stream().filter(TalkingPoint::shared).toList();
    }

    public OneOnOne withTalkingPoint(TalkingPoint point, Instant now) {
        if (talkingPoints.stream().anyMatch(p -> p.id().equals(point.id()))) {
            return this;
        }
        List<TalkingPoint> next = new ArrayList<>(talkingPoints);
        next.add(point);
        return new OneOnOne(id, personId, managerId, cadence, nextDate, next, agreedActions, lastHeldAt, now);
    }

    public OneOnOne withAgreedAction(AgreedAction action, Instant now) {
        if (agreedActions.stream().anyMatch(a -> a.id().equals(action.id()))) {
            return this;
        }
        List<AgreedAction> next = new ArrayList<>(agreedActions);
        next.add(action);
        return new OneOnOne(id, personId, managerId, cadence, nextDate, talkingPoints, next, lastHeldAt, now);
    }

    public OneOnOne withNextDate(LocalDate date, Instant now) {
        return new OneOnOne(id, personId, managerId, cadence, date, talkingPoints, agreedActions, lastHeldAt, now);
    }
}
