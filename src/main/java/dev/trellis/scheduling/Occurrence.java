package dev.trellis.scheduling;

import java.time.Instant;
import java.util.Optional;

import dev.trellis.flow.Recurrence;

/**
 * One occurrence of a reminder: {@code nominal} is the moment the recurrence (or the flow) named, {@code due} the
 * moment it fires, moved into the person's working time. The next occurrence counts from the nominal one, so moving
 * a Saturday occurrence to Monday does not shift the series.
 */
record Occurrence(Instant nominal, Instant due) {

    /** A recurring reminder never looks further than this for an occurrence still ahead (years of downtime). */
    private static final int MAX_SKIPPED = 1000;

    static Occurrence first(Instant due, Recurrence repeat, boolean inWorkingTime, PersonalTime time, Instant now) {
        Instant nominal = due != null ? due : repeat.next(now, time.zone());
        return new Occurrence(nominal, inWorkingTime ? time.nextWorkingMoment(nominal) : nominal);
    }

    /**
     * The occurrence after this one that is still ahead of {@code now}: after downtime, the ones that passed are not
     * fired in a burst. Empty for a reminder that does not recur.
     */
    Optional<Occurrence> next(Recurrence repeat, boolean inWorkingTime, PersonalTime time, Instant now) {
        if (repeat == null) return Optional.empty();
        Instant n = nominal;
        for (int i = 0; i < MAX_SKIPPED; i++) {
            Instant following = repeat.next(n, time.zone());
            if (!following.isAfter(n)) throw new IllegalStateException("recurrence does not advance");
            n = following;
            Instant at = inWorkingTime ? time.nextWorkingMoment(n) : n;
            if (at.isAfter(now)) return Optional.of(new Occurrence(n, at));
        }
        throw new IllegalStateException("no occurrence ahead");
    }
}
