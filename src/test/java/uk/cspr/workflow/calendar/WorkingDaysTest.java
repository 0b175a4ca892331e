package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import uk.cspr.workflow.support.CalendarFixtures;

/** Bean {@code workingDays}: every accepted input, as process variables and form-js give them. */
class WorkingDaysTest {

  private static final Instant NOW = Instant.parse("2026-12-24T10:00:00Z");
  private static final WorkingDays WORKING_DAYS = CalendarFixtures.workingDays(Clock.fixed(NOW, ZoneOffset.UTC));

  /** 2027-01-05T23:59:59 London (GMT). */
  private static final Date FIVE_DAYS_AFTER_CHRISTMAS_EVE = date("2027-01-05T23:59:59Z");

  static Stream<Object> christmasEve2026() {
    return Stream.of(
        Date.from(NOW),
        new java.sql.Date(NOW.toEpochMilli()),
        NOW,
        OffsetDateTime.parse("2026-12-24T11:00:00+01:00"),
        ZonedDateTime.parse("2026-12-24T10:00:00Z[Europe/London]"),
        LocalDate.parse("2026-12-24"),
        LocalDateTime.parse("2026-12-24T23:30:00"),
        "2026-12-24", // form-js date field
        "2026-12-24T10:15", // form-js date-time, local time
        "2026-12-24T10:15:00Z", // form-js date-time, UTC
        "2026-12-24T10:15+01:00",
        "2026-12-24T10:15:00Z[Europe/London]",
        " 2026-12-24 ",
        "2026-12-24T10:15:00.000+0000"); // Camunda REST date format
  }

  @ParameterizedTest(name = "{0} ({arguments})")
  @MethodSource("christmasEve2026")
  void deadlineAcceptsEveryInputType(Object when) {
    assertThat(WORKING_DAYS.deadline(when, 5)).isEqualTo(FIVE_DAYS_AFTER_CHRISTMAS_EVE);
  }

  @Test
  void theLondonDayCountsNotTheUtcDay() {
    // 23:30Z on 1 Jul is 00:30 on 2 Jul in London; a LocalDateTime is already London time
    assertThat(WORKING_DAYS.deadline("2026-07-01T23:30:00Z", 1)).isEqualTo(date("2026-07-03T22:59:59Z"));
    assertThat(WORKING_DAYS.deadline(date("2026-07-01T23:30:00Z"), 1)).isEqualTo(date("2026-07-03T22:59:59Z"));
    assertThat(WORKING_DAYS.deadline("2026-07-01T23:30", 1)).isEqualTo(date("2026-07-02T22:59:59Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"24/12/2026", "2026-02-30", "2026-12-24T25:00", "tomorrow", ""})
  void badStringsAreRejectedWithTheValue(String text) {
    assertThatThrownBy(() -> WORKING_DAYS.deadline(text, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + text.strip() + "\"")
        .hasMessageContaining("ISO-8601");
  }

  @Test
  void otherTypesAndNullAreRejected() {
    assertThatThrownBy(() -> WORKING_DAYS.deadline(42L, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Long")
        .hasMessageContaining("ISO-8601");
    assertThatThrownBy(() -> WORKING_DAYS.deadline(null, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> WORKING_DAYS.workingDaysLeft(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latestBeforeAcrossBankHolidays() {
    assertThat(WORKING_DAYS.latestBefore("2027-01-05", 5)).isEqualTo(date("2026-12-24T23:59:59Z"));
    // Good Friday 3 Apr and Easter Monday 6 Apr 2026
    assertThat(WORKING_DAYS.latestBefore(LocalDate.parse("2026-04-07"), 1)).isEqualTo(date("2026-04-02T22:59:59Z"));
    // "no later than 7 working days before publication" on Monday 2027-01-11
    assertThat(WORKING_DAYS.latestBefore("2027-01-11T09:00:00Z", 7)).isEqualTo(date("2026-12-30T23:59:59Z"));
  }

  @Test
  void plusMonthsKeepsTheDayOrTakesTheMonthsLast() {
    assertThat(WORKING_DAYS.plusMonths("2026-01-15", 6)).isEqualTo(date("2026-07-15T22:59:59Z"));
    assertThat(WORKING_DAYS.plusMonths("2026-08-31", 6)).isEqualTo(date("2027-02-28T23:59:59Z"));
    assertThat(WORKING_DAYS.plusMonths("2027-08-31T10:00:00Z", 6)).isEqualTo(date("2028-02-29T23:59:59Z"));
  }

  @Test
  void workingDaysLeftFollowsTheClockAndGoesNegativeWhenOverdue() {
    assertThat(WORKING_DAYS.workingDaysLeft(FIVE_DAYS_AFTER_CHRISTMAS_EVE)).isEqualTo(5);
    assertThat(WORKING_DAYS.workingDaysLeft("2026-12-24")).isZero();
    assertThat(WORKING_DAYS.workingDaysLeft("2026-12-23T23:59:59Z")).isEqualTo(-1);
    assertThat(WORKING_DAYS.workingDaysLeft("2026-12-18")).isEqualTo(-4); // 18, 21, 22, 23 Dec

    // the Saturday after a Friday deadline is already overdue
    WorkingDays saturday = CalendarFixtures.workingDays(Clock.fixed(Instant.parse("2027-01-09T12:00:00Z"), ZoneOffset.UTC));
    assertThat(saturday.workingDaysLeft("2027-01-08")).isEqualTo(-1);
    assertThat(saturday.workingDaysLeft("2027-01-11")).isEqualTo(1);
  }

  @Test
  void endOfDayAndIsWorkingDay() {
    assertThat(WORKING_DAYS.endOfDay("2026-07-01")).isEqualTo(date("2026-07-01T22:59:59Z"));
    assertThat(WORKING_DAYS.isWorkingDay("2026-12-28")).isFalse();
    assertThat(WORKING_DAYS.isWorkingDay(date("2026-12-29T00:30:00Z"))).isTrue();
  }

  private static Date date(String instant) {
    return Date.from(Instant.parse(instant));
  }
}
