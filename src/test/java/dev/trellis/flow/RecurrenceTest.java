package dev.trellis.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Recurrences keep the person's wall-clock time, and nonsense is refused with a reason. */
class RecurrenceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void weeklyTuesdayTenStaysAtTenInBerlinAcrossTheEndOfSummerTime() {
        Recurrence weekly = Recurrence.parse("weekly TUE 10:00");
        // Berlin leaves summer time on Sunday 25 October 2026
        List<ZonedDateTime> times = occurrences(weekly, Instant.parse("2026-10-12T00:00:00Z"), BERLIN, 3);

        assertThat(times).extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-10-13T10:00", "2026-10-20T10:00", "2026-10-27T10:00");
        assertThat(times).extracting(t -> t.toInstant().toString())
                .containsExactly("2026-10-13T08:00:00Z", "2026-10-20T08:00:00Z", "2026-10-27T09:00:00Z");
    }

    @Test
    void weeklyMondayNineStaysAtNineInNewYorkAcrossTheStartOfDaylightTime() {
        Recurrence weekly = Recurrence.parse("weekly monday 9:00");
        // New York springs forward on Sunday 8 March 2026
        List<ZonedDateTime> times = occurrences(weekly, Instant.parse("2026-02-28T00:00:00Z"), NEW_YORK, 3);

        assertThat(times).extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2026-03-02T09:00", "2026-03-09T09:00", "2026-03-16T09:00");
        assertThat(times).extracting(t -> t.toInstant().toString())
                .containsExactly("2026-03-02T14:00:00Z", "2026-03-09T13:00:00Z", "2026-03-16T13:00:00Z");
    }

    @Test
    void everyOtherTuesdaySkipsTheWeeksBetweenCountedFromItsFirstWeek() {
        Recurrence fortnightly = Recurrence.parse("every 2 weeks TUE 10:00 from 2026-12-01");

        assertThat(occurrences(fortnightly, Instant.parse("2026-11-30T00:00:00Z"), BERLIN, 3))
                .extracting(t -> t.toLocalDate().toString())
                .containsExactly("2026-12-01", "2026-12-15", "2026-12-29");
        assertThat(Recurrence.parse(fortnightly.spec())).isEqualTo(fortnightly);
    }

    @Test
    void monthlyOnThe31stFallsOnTheLastDayOfShorterMonths() {
        Recurrence monthly = Recurrence.parse("monthly 31 09:30");

        assertThat(occurrences(monthly, Instant.parse("2027-01-01T00:00:00Z"), BERLIN, 3))
                .extracting(t -> t.toLocalDateTime().toString())
                .containsExactly("2027-01-31T09:30", "2027-02-28T09:30", "2027-03-31T09:30");
    }

    @Test
    void recurrencesThatNeverComeRoundOrWouldTickAreRefusedWithAReason() {
        assertThatThrownBy(() -> Recurrence.parse("every 0 weeks TUE 10:00")).hasMessageContaining("never comes round");
        assertThatThrownBy(() -> Recurrence.parse("every 0 days")).hasMessageContaining("never comes round");
        assertThatThrownBy(() -> Recurrence.parse("every 1 day")).hasMessageContaining("daily reminders are not");
        assertThatThrownBy(() -> Recurrence.parse("cron * * * * * ?")).hasMessageContaining("cron is not offered");
        assertThatThrownBy(() -> Recurrence.parse("weekly Funday 10:00")).hasMessageContaining("not a weekday");
        assertThatThrownBy(() -> Recurrence.parse("weekly TUE 25:00")).hasMessageContaining("not a time of day");
        assertThatThrownBy(() -> Recurrence.parse("monthly 32 09:00")).hasMessageContaining("1 to 31");
        assertThatThrownBy(() -> Recurrence.parse("whenever")).hasMessageContaining("try 'weekly MON 09:00'");
    }

    private static List<ZonedDateTime> occurrences(Recurrence recurrence, Instant from, ZoneId zone, int count) {
        List<ZonedDateTime> times = new ArrayList<>();
        Instant at = from;
        for (int i = 0; i < count; i++) {
            at = recurrence.next(at, zone);
            times.add(at.atZone(zone));
        }
        return times;
    }
}
