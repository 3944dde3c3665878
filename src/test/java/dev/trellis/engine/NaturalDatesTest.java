package dev.trellis.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates as people type them, read on Wednesday 2 December 2026 in the person's own calendar. */
class NaturalDatesTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 12, 2);
    private final NaturalDates dates = new NaturalDates();

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Friday                | 2026-12-04
            friday!               | 2026-12-04
            this Friday           | 2026-12-04
            by Friday             | 2026-12-04
            Fri                   | 2026-12-04
            Wednesday             | 2026-12-02
            next Tue              | 2026-12-08
            next Friday           | 2026-12-11
            monday                | 2026-12-07
            end of week           | 2026-12-04
            EOW                   | 2026-12-04
            end of the week       | 2026-12-04
            end of next week      | 2026-12-11
            end of month          | 2026-12-31
            end of the month      | 2026-12-31
            EOM                   | 2026-12-31
            in a week             | 2026-12-09
            in two weeks          | 2026-12-16
            in 2 weeks            | 2026-12-16
            two weeks             | 2026-12-16
            in a couple of weeks  | 2026-12-16
            in 3 days             | 2026-12-05
            a week from now       | 2026-12-09
            next week             | 2026-12-09
            next month            | 2027-01-02
            in a month            | 2027-01-02
            4 Dec                 | 2026-12-04
            4th of December       | 2026-12-04
            Dec 4th               | 2026-12-04
            1 Dec                 | 2027-12-01
            March 15              | 2027-03-15
            15 Jan 2027           | 2027-01-15
            December 31, 2026     | 2026-12-31
            2026-12-24            | 2026-12-24
            24/12                 | 2026-12-24
            tomorrow              | 2026-12-03
            day after tomorrow    | 2026-12-04
            """)
    void englishDueDatesAreReadRelativeToToday(String typed, LocalDate expected) {
        assertThat(dates.parse(typed, WEDNESDAY, "en")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Freitag               | 2026-12-04
            bis Freitag           | 2026-12-04
            nächsten Dienstag     | 2026-12-08
            Ende der Woche        | 2026-12-04
            Ende des Monats       | 2026-12-31
            in zwei Wochen        | 2026-12-16
            in einer Woche        | 2026-12-09
            nächsten Monat        | 2027-01-02
            4. Dezember           | 2026-12-04
            4.12.                 | 2026-12-04
            morgen                | 2026-12-03
            Friday                | 2026-12-04
            """)
    void germanDueDatesAreReadToo(String typed, LocalDate expected) {
        assertThat(dates.parse(typed, WEDNESDAY, "de")).isEqualTo(expected);
    }

    @Test
    void usEnglishReadsSlashedDatesMonthFirst() {
        assertThat(dates.parse("4/12", WEDNESDAY, "en-US")).isEqualTo(LocalDate.of(2027, 4, 12));
        assertThat(dates.parse("4/12", WEDNESDAY, "en-GB")).isEqualTo(LocalDate.of(2026, 12, 4));
    }

    @Test
    void onAFridayFridayIsTodayAndEndOfWeekToo() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(dates.parse("Friday", friday, "en")).isEqualTo(friday);
        assertThat(dates.parse("EOW", friday, "en")).isEqualTo(friday);
        assertThat(dates.parse("end of week", LocalDate.of(2026, 12, 5), "en")).isEqualTo(LocalDate.of(2026, 12, 11));
    }

    @Test
    void wordsThatAreNoDateAreNotReadAsOne() {
        assertThat(dates.parse("whenever", WEDNESDAY, "en")).isNull();
        assertThat(dates.parse("soon", WEDNESDAY, "en")).isNull();
        assertThat(dates.parse("31 Feb", WEDNESDAY, "en")).isNull();
        assertThat(dates.parse("in many weeks", WEDNESDAY, "en")).isNull();
        assertThat(dates.parse("the friday after the offsite", WEDNESDAY, "en")).isNull();
    }
}
