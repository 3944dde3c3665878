package dev.trellis.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Reminders land in the person's working time; snoozes stay inside it; a late reminder is skipped for a reason. */
class PersonalTimeTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    final PersonalTime ana = PersonalTime.in(BERLIN);

    @Test
    void aReminderDueInTheEveningWaitsForTheNextMorning() {
        Instant tuesdayEvening = at("2026-12-01T19:45");

        assertThat(local(ana.nextWorkingMoment(tuesdayEvening))).isEqualTo("2026-12-02T09:00");
    }

    @Test
    void aReminderDueAtTheWeekendOrOnADayOffWaitsForTheNextWorkingDay() {
        assertThat(local(ana.nextWorkingMoment(at("2026-12-05T11:00")))).isEqualTo("2026-12-07T09:00");
        PersonalTime onLeave = ana.withDaysOff(Set.of(LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 8)));
        assertThat(local(onLeave.nextWorkingMoment(at("2026-12-05T11:00")))).isEqualTo("2026-12-09T09:00");
    }

    @Test
    void aReminderDueInWorkingHoursIsKeptAndWorkingHoursCanBeTheirOwn() {
        assertThat(local(ana.nextWorkingMoment(at("2026-12-02T14:10")))).isEqualTo("2026-12-02T14:10");
        PersonalTime early = ana.withHours(LocalTime.of(7, 0), LocalTime.of(15, 0));
        assertThat(local(early.nextWorkingMoment(at("2026-12-02T15:30")))).isEqualTo("2026-12-03T07:00");
        assertThat(local(early.nextWorkingMoment(at("2026-12-02T06:00")))).isEqualTo("2026-12-02T07:00");
    }

    @Test
    void laterSnoozesTwoHoursWithinWorkingHoursAndTomorrowMeansTheNextWorkingMorning() {
        assertThat(local(ana.later(at("2026-12-02T10:00")))).isEqualTo("2026-12-02T12:00");
        assertThat(local(ana.later(at("2026-12-02T16:30")))).isEqualTo("2026-12-03T09:00");
        assertThat(local(ana.tomorrow(at("2026-12-02T10:00")))).isEqualTo("2026-12-03T09:00");
        assertThat(local(ana.tomorrow(at("2026-12-04T10:00")))).as("a Friday").isEqualTo("2026-12-07T09:00");
    }

    @Test
    void anUnknownTimezoneOrBackwardsHoursAreRefusedWithAReason() {
        assertThatThrownBy(() -> PersonalTime.zone("Mars/Olympus")).hasMessageContaining("not a timezone I know");
        assertThat(PersonalTime.zone(" America/New_York ")).isEqualTo(ZoneId.of("America/New_York"));
        assertThatThrownBy(() -> ana.withHours(LocalTime.of(17, 0), LocalTime.of(9, 0)))
                .hasMessageContaining("start before they end");
    }

    @Test
    void aReminderFiringLateBeyondItsToleranceIsSkippedUnlessItsMeetingIsStillAhead() {
        Instant due = at("2026-12-02T09:00");
        Duration tolerance = Duration.ofHours(2);

        assertThat(Lateness.of(due, due.plusSeconds(40), tolerance, null)).isEqualTo(Lateness.ON_TIME);
        assertThat(Lateness.of(due, due.plus(Duration.ofHours(5)), tolerance, null)).isEqualTo(Lateness.TOO_LATE);
        Instant meeting = due.plus(Duration.ofHours(6));
        assertThat(Lateness.of(due, due.plus(Duration.ofHours(5)), tolerance, meeting))
                .isEqualTo(Lateness.LATE_BUT_BEFORE_DEADLINE);
        assertThat(Lateness.of(due, meeting.plusSeconds(1), tolerance, meeting)).isEqualTo(Lateness.TOO_LATE);
    }

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    }

    private static String local(Instant instant) {
        return instant.atZone(BERLIN).toLocalDateTime().toString();
    }
}
