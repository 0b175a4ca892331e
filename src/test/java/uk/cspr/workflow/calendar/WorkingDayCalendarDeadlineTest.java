package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.workflow.support.CalendarFixtures;

/** SPEC §2: end (23:59:59 Europe/London) of the n-th working day after the London day of X. */
class WorkingDayCalendarDeadlineTest {

  private static final WorkingDayCalendar CALENDAR = CalendarFixtures.shippedCalendar();

  @ParameterizedTest(name = "{0} + {1} WD: London day {2}, deadline {3} ({4})")
  @CsvSource({
    // across Christmas 2026 (GMT)
    "2026-12-24T10:00:00Z, 5, 2026-12-24, 2027-01-05, +00:00",
    // across Easter 2027 and the change to BST on 28 Mar 2027
    "2027-03-25T12:00:00Z, 1, 2027-03-25, 2027-03-30, +01:00",
    "2027-03-24T08:00:00Z, 5, 2027-03-24, 2027-04-02, +01:00",
    // 29 Mar 2026: clocks go forward at 01:00 UTC
    "2026-03-29T00:30:00Z, 1, 2026-03-29, 2026-03-30, +01:00",
    "2026-03-29T01:30:00Z, 1, 2026-03-29, 2026-03-30, +01:00",
    // 25 Oct 2026: clocks go back at 01:00 UTC (00:30Z is 01:30 BST)
    "2026-10-25T00:30:00Z, 1, 2026-10-25, 2026-10-26, +00:00",
    "2026-10-25T01:30:00Z, 1, 2026-10-25, 2026-10-26, +00:00",
    // late evening UTC: still 28 Mar in London (GMT), already 2 Jul in London (BST)
    "2026-03-28T23:30:00Z, 1, 2026-03-28, 2026-03-30, +01:00",
    "2026-07-01T23:30:00Z, 1, 2026-07-02, 2026-07-03, +01:00",
    "2026-07-01T22:59:59Z, 1, 2026-07-01, 2026-07-02, +01:00",
    // n = 0: the end of X's own day
    "2026-07-01T23:30:00Z, 0, 2026-07-02, 2026-07-02, +01:00",
    // backwards
    "2027-01-05T09:00:00Z, -5, 2027-01-05, 2026-12-24, +00:00",
  })
  void deadline(Instant when, int n, LocalDate londonDay, LocalDate deadlineDay, ZoneOffset offset) {
    ZonedDateTime deadline = CALENDAR.deadline(when, n);

    assertThat(CALENDAR.londonDate(when)).isEqualTo(londonDay);
    assertThat(deadline.getZone()).isEqualTo(WorkingDayCalendar.ZONE);
    assertThat(deadline.toLocalDate()).isEqualTo(deadlineDay);
    assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));
    assertThat(deadline.getOffset()).isEqualTo(offset);
    assertThat(deadline).isEqualTo(ZonedDateTime.of(deadlineDay.atTime(23, 59, 59), WorkingDayCalendar.ZONE));
    assertThat(deadline.toInstant()).isEqualTo(deadlineDay.atTime(23, 59, 59).toInstant(offset));
    assertThat(CALENDAR.deadlineEpochSecond(when.getEpochSecond(), n)).isEqualTo(deadline.toEpochSecond());
    assertThat(deadline.toLocalDate()).isEqualTo(CALENDAR.plusWorkingDays(londonDay, n));
  }

  /** The precomputed London day boundaries agree with java.time on every day of the range. */
  @Test
  void everyDayOfTheRangeMatchesJavaTime() {
    for (LocalDate day = WorkingDayCalendar.FIRST_DAY; !day.isAfter(WorkingDayCalendar.LAST_DAY); day = day.plusDays(1)) {
      ZonedDateTime end = ZonedDateTime.of(day, LocalTime.of(23, 59, 59), WorkingDayCalendar.ZONE);
      Instant start = day.atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
      assertThat(CALENDAR.endOfDay(day)).isEqualTo(end);
      assertThat(CALENDAR.londonDate(start)).isEqualTo(day);
      assertThat(CALENDAR.londonDate(end.toInstant())).isEqualTo(day);
      if (!day.equals(WorkingDayCalendar.FIRST_DAY)) {
        assertThat(CALENDAR.londonDate(start.minusSeconds(1))).isEqualTo(day.minusDays(1));
      }
    }
  }
}
