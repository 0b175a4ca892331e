package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.workflow.support.CalendarFixtures;

/** plusWorkingDays and workingDaysBetween (SPEC §2: a start on a non-working day does not count itself). */
class WorkingDayCalendarArithmeticTest {

  private static final WorkingDayCalendar CALENDAR = CalendarFixtures.shippedCalendar();
  private static final LocalDate EARLIEST = LocalDate.of(1950, 1, 1);

  @ParameterizedTest(name = "{0} {1} working days = {2}")
  @CsvSource({
    "2026-12-24,  5, 2027-01-05", // Christmas Fri, Boxing Day substitute Mon 28, New Year Fri
    "2027-01-05, -5, 2026-12-24",
    "2026-11-20,  1, 2026-11-23", // Friday
    "2026-11-21,  1, 2026-11-23", // Saturday does not count itself
    "2026-11-22, -1, 2026-11-20", // nor does Sunday, backwards
    "2026-12-25,  1, 2026-12-29", // bank holiday start
    "2026-12-25, -1, 2026-12-24",
    "2027-03-25,  1, 2027-03-30", // Good Friday 26 Mar, Easter Monday 29 Mar 2027
    "2027-03-30, -1, 2027-03-25",
    "2026-11-23,  0, 2026-11-23", // n = 0: the date itself
    "2026-11-21,  0, 2026-11-21", // ... even when it is not a working day
  })
  void plusWorkingDays(LocalDate start, int n, LocalDate expected) {
    assertThat(CALENDAR.plusWorkingDays(start, n)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} working days, as a day-by-day loop")
  @CsvSource({
    "2026-12-24, 5000", "2026-12-24, -5000", "2026-11-21, 10000", "2026-11-21, -10000",
    "1950-01-01, 30000", "2200-12-31, -30000", "2027-03-26, 250", "2027-03-26, -250",
  })
  void largeNMatchesANaiveLoop(LocalDate start, int n) {
    assertThat(CALENDAR.plusWorkingDays(start, n)).isEqualTo(naivePlus(start, n));
  }

  @ParameterizedTest(name = "{0} to {1} = {2}")
  @CsvSource({
    "2026-12-24, 2027-01-05,  5",
    "2027-01-05, 2026-12-24, -5",
    "2026-11-20, 2026-11-20,  0",
    "2026-11-20, 2026-11-22,  0", // Friday to Sunday
    "2026-11-21, 2026-11-23,  1", // Saturday to Monday
    "2026-11-23, 2026-11-20, -1", // Monday back to Friday
    "2026-11-23, 2026-11-21,  0", // Monday back to Saturday meets no working day
    "2026-11-21, 2026-11-20, -1", // Saturday back to Friday
    "2026-11-20, 2026-11-21,  0", // ... but Friday forward to Saturday meets no working day
  })
  void workingDaysBetween(LocalDate from, LocalDate to, int expected) {
    assertThat(CALENDAR.workingDaysBetween(from, to)).isEqualTo(expected);
  }

  /** Property checks over random dates (fixed seed): between inverts plus, and matches counting. */
  @Test
  void betweenAndPlusAreInverse() {
    Random random = new Random(20_261_122L);
    for (int i = 0; i < 20_000; i++) {
      LocalDate day = EARLIEST.plusDays(random.nextInt(200 * 365));
      int n = random.nextInt(6001) - 3000;
      LocalDate moved = CALENDAR.plusWorkingDays(day, n);

      assertThat(CALENDAR.workingDaysBetween(day, moved)).as("%s %+d", day, n).isEqualTo(n);
      if (n != 0) {
        assertThat(CALENDAR.isWorkingDay(moved)).as("%s %+d lands on a working day", day, n).isTrue();
        assertThat(CALENDAR.plusWorkingDays(day, CALENDAR.workingDaysBetween(day, moved))).isEqualTo(moved);
      }
      LocalDate other = day.plusDays(random.nextInt(4001) - 2000);
      int between = CALENDAR.workingDaysBetween(day, other);
      assertThat(between).as("%s to %s", day, other).isEqualTo(naiveBetween(day, other));
      if (CALENDAR.isWorkingDay(day) && CALENDAR.isWorkingDay(other)) {
        assertThat(CALENDAR.workingDaysBetween(other, day)).isEqualTo(-between);
      }
    }
  }

  @Test
  void resultsOutsideTheRangeAreRejected() {
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.parse("2200-12-01"), 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2200-12-01")
        .hasMessageContaining("outside the supported range");
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.parse("1900-01-10"), Integer.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CALENDAR.plusWorkingDays(LocalDate.parse("1900-01-10"), Integer.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static LocalDate naivePlus(LocalDate start, int n) {
    LocalDate day = start;
    int step = Integer.signum(n);
    for (int left = Math.abs(n); left > 0; ) {
      day = day.plusDays(step);
      if (naiveIsWorkingDay(day)) {
        left--;
      }
    }
    return day;
  }

  /** Working days after {@code from} up to and including {@code to}, walking in either direction. */
  private static int naiveBetween(LocalDate from, LocalDate to) {
    int step = to.isBefore(from) ? -1 : 1;
    int count = 0;
    for (LocalDate day = from; !day.equals(to); ) {
      day = day.plusDays(step);
      if (naiveIsWorkingDay(day)) {
        count += step;
      }
    }
    return count;
  }

  private static boolean naiveIsWorkingDay(LocalDate day) {
    return switch (day.getDayOfWeek()) {
      case SATURDAY, SUNDAY -> false;
      default -> !CALENDAR.bankHolidays(day.getYear()).contains(day);
    };
  }
}
