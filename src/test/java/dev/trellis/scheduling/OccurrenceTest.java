package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.trellis.flow.Recurrence;
import org.junit.jupiter.api.Test;

/** A series stays on its own rhythm: working-time moves do not shift it, downtime does not cause a burst. */
class OccurrenceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final PersonalTime ana = PersonalTime.in(BERLIN);

    @Test
    void aSaturdayReminderComesOnMondayMorningAndTheNextOneIsStillOnSaturday() {
        Recurrence saturdays = Recurrence.parse("weekly SAT 10:00");
        Occurrence first = Occurrence.first(null, saturdays, true, ana, at("2026-12-01T12:00"));

        assertThat(local(first.nominal())).isEqualTo("2026-12-05T10:00");
        assertThat(local(first.due())).isEqualTo("2026-12-07T09:00");
        Occurrence second = first.next(saturdays, true, ana, first.due()).orElseThrow();
        assertThat(local(second.nominal())).isEqualTo("2026-12-12T10:00");
        assertThat(local(second.due())).isEqualTo("2026-12-14T09:00");
    }

    @Test
    void afterThreeWeeksDownTheSeriesResumesWithTheNextOccurrenceAheadNotABurst() {
        Recurrence tuesdays = Recurrence.parse("weekly TUE 10:00");
        Occurrence missed = Occurrence.first(at("2026-12-01T10:00"), tuesdays, true, ana, at("2026-11-30T00:00"));

        Occurrence next = missed.next(tuesdays, true, ana, at("2026-12-23T15:00")).orElseThrow();

        assertThat(local(next.due())).isEqualTo("2026-12-29T10:00");
    }

    @Test
    void aOneOffReminderHasNoNextOccurrence() {
        Occurrence once = Occurrence.first(at("2026-12-01T10:00"), null, false, ana, at("2026-11-30T00:00"));

        assertThat(once.next(null, false, ana, at("2026-12-01T10:00"))).isEmpty();
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static String local(Instant instant) {
        return instant.atZone(BERLIN).toLocalDateTime().toString();
    }
}
