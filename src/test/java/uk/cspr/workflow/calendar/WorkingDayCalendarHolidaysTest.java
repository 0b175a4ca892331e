package uk.cspr.workflow.calendar;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.cspr.workflow.support.CalendarFixtures;

/** Bank holidays: the GOV.UK file where it applies, the standing rules elsewhere (SPEC §2). */
class WorkingDayCalendarHolidaysTest {

  private static final List<LocalDate> FILE = CalendarFixtures.shippedBankHolidays();
  private static final WorkingDayCalendar CALENDAR = CalendarFixtures.shippedCalendar();
  private static final WorkingDayCalendar RULES_ONLY = new WorkingDayCalendar(List.of(), List.of());

  /** Where the GOV.UK file differs from the standing rules in the years it covers. */
  private static final Set<LocalDate> ONLY_IN_FILE =
      dates("2020-05-08", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08");

  private static final Set<LocalDate> ONLY_IN_RULES = dates("2020-05-04", "2022-05-30");

  @Test
  void everyDateInTheFileIsANonWorkingDay() {
    assertThat(FILE).hasSizeGreaterThan(70);
    assertThat(FILE).allSatisfy(date -> assertThat(CALENDAR.isWorkingDay(date)).as("%s", date).isFalse());
  }

  @Test
  void everyYearTheFileFullyCoversHasExactlyTheFilesDates() {
    List<Integer> covered = fullyCoveredYears();
    assertThat(covered).containsExactly(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027);
    for (int year : covered) {
      List<LocalDate> inFile = FILE.stream().filter(date -> date.getYear() == year).sorted().toList();
      assertThat(CALENDAR.bankHolidays(year)).as("%d", year).containsExactlyElementsOf(inFile);
    }
  }

  @Test
  void theFileMovesAndAddsDays() {
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2020-05-04"))).isTrue();
    assertThat(CALENDAR.isWorkingDay(LocalDate.parse("2022-05-30"))).isTrue();
    assertThat(ONLY_IN_FILE).allSatisfy(date -> assertThat(CALENDAR.isWorkingDay(date)).as("%s", date).isFalse());
  }

  /** The rules agree with GOV.UK in every covered year except the listed one-off changes: this proves the rules. */
  @Test
  void rulesAgreeWithTheFileExceptKnownOneOffChanges() {
    Set<LocalDate> onlyInFile = new TreeSet<>();
    Set<LocalDate> onlyInRules = new TreeSet<>();
    for (int year : fullyCoveredYears()) {
      Set<LocalDate> file = FILE.stream().filter(date -> date.getYear() == year).collect(Collectors.toSet());
      Set<LocalDate> rules = Set.copyOf(RULES_ONLY.bankHolidays(year));
      file.stream().filter(date -> !rules.contains(date)).forEach(onlyInFile::add);
      rules.stream().filter(date -> !file.contains(date)).forEach(onlyInRules::add);
    }
    assertThat(onlyInFile).isEqualTo(ONLY_IN_FILE);
    assertThat(onlyInRules).isEqualTo(ONLY_IN_RULES);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2010, 2010-01-01 2010-04-02 2010-04-05 2010-05-03 2010-05-31 2010-08-30 2010-12-27 2010-12-28",
    "2011, 2011-01-03 2011-04-22 2011-04-25 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27",
    "2018, 2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26",
    "2030, 2030-01-01 2030-04-19 2030-04-22 2030-05-06 2030-05-27 2030-08-26 2030-12-25 2030-12-26",
    "2031, 2031-01-01 2031-04-11 2031-04-14 2031-05-05 2031-05-26 2031-08-25 2031-12-25 2031-12-26",
    "2040, 2040-01-02 2040-03-30 2040-04-02 2040-05-07 2040-05-28 2040-08-27 2040-12-25 2040-12-26",
    "2100, 2100-01-01 2100-03-26 2100-03-29 2100-05-03 2100-05-31 2100-08-30 2100-12-27 2100-12-28",
  })
  void rulesGiveTheWholeYearOutsideTheFile(int year, String expected) {
    assertThat(CALENDAR.bankHolidays(year)).containsExactlyElementsOf(List.copyOf(dates(expected.split(" "))));
  }

  /** Known Easter Sundays (published tables), including the earliest and latest possible. */
  @ParameterizedTest(name = "Easter {0} = {1}")
  @CsvSource({
    "1900, 1900-04-15", "1913, 1913-03-23", "2008, 2008-03-23", "2010, 2010-04-04", "2011, 2011-04-24",
    "2030, 2030-04-21", "2031, 2031-04-13", "2038, 2038-04-25", "2040, 2040-04-01", "2100, 2100-03-28",
    "2200, 2200-04-06",
  })
  void easterSundayGoodFridayAndEasterMonday(int year, LocalDate easter) {
    assertThat(WorkingDayCalendar.easterSunday(year)).isEqualTo(easter);
    assertThat(easter.getDayOfWeek()).isEqualTo(SUNDAY);
    assertThat(CALENDAR.bankHolidays(year)).contains(easter.minusDays(2), easter.plusDays(1));
    assertThat(CALENDAR.isWorkingDay(easter.minusDays(2))).isFalse();
    assertThat(CALENDAR.isWorkingDay(easter.plusDays(1))).isFalse();
    assertThat(CALENDAR.isWorkingDay(easter.minusDays(3))).isTrue();
    assertThat(CALENDAR.isWorkingDay(easter.plusDays(2))).isTrue();
  }

  /** Christmas on every day of the week: substitutes move to the next weekday not already a holiday. */
  @ParameterizedTest(name = "{0}: 25 Dec is a {1}")
  @CsvSource({
    "2028, MONDAY,    2028-12-25 2028-12-26",
    "2029, TUESDAY,   2029-12-25 2029-12-26",
    "2030, WEDNESDAY, 2030-12-25 2030-12-26",
    "2031, THURSDAY,  2031-12-25 2031-12-26",
    "2037, FRIDAY,    2037-12-25 2037-12-28",
    "2032, SATURDAY,  2032-12-27 2032-12-28",
    "2033, SUNDAY,    2033-12-26 2033-12-27",
    "2010, SATURDAY,  2010-12-27 2010-12-28",
    "2011, SUNDAY,    2011-12-26 2011-12-27",
  })
  void christmasAndBoxingDaySubstitutes(int year, DayOfWeek christmas, String expected) {
    assertThat(LocalDate.of(year, 12, 25).getDayOfWeek()).isEqualTo(christmas);
    List<LocalDate> december =
        CALENDAR.bankHolidays(year).stream().filter(date -> date.getMonth() == Month.DECEMBER).toList();
    assertThat(december).containsExactlyElementsOf(List.copyOf(dates(expected.split(" "))));
  }

  @Test
  void christmasCasesCoverEveryWeekday() {
    assertThat(List.of(2028, 2029, 2030, 2031, 2037, 2032, 2033))
        .extracting(year -> LocalDate.of(year, 12, 25).getDayOfWeek())
        .containsExactly(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY);
  }

  @ParameterizedTest(name = "{0}: 1 Jan is a {1}, holiday {2}")
  @CsvSource({
    "2028, SATURDAY, 2028-01-03",
    "2033, SATURDAY, 2033-01-03",
    "2034, SUNDAY,   2034-01-02",
    "2040, SUNDAY,   2040-01-02",
    "2030, TUESDAY,  2030-01-01",
    "2011, SATURDAY, 2011-01-03",
    "2012, SUNDAY,   2012-01-02",
  })
  void newYearSubstitute(int year, DayOfWeek newYear, LocalDate holiday) {
    assertThat(LocalDate.of(year, 1, 1).getDayOfWeek()).isEqualTo(newYear);
    assertThat(CALENDAR.bankHolidays(year).get(0)).isEqualTo(holiday);
  }

  @ParameterizedTest(name = "{0}: {1}, {2}, {3}")
  @CsvSource({
    "2010, 2010-05-03, 2010-05-31, 2010-08-30",
    "2011, 2011-05-02, 2011-05-30, 2011-08-29",
    "2030, 2030-05-06, 2030-05-27, 2030-08-26",
    "2031, 2031-05-05, 2031-05-26, 2031-08-25",
    "2040, 2040-05-07, 2040-05-28, 2040-08-27",
    "2100, 2100-05-03, 2100-05-31, 2100-08-30",
  })
  void firstAndLastMondays(int year, LocalDate earlyMay, LocalDate spring, LocalDate summer) {
    assertThat(CALENDAR.bankHolidays(year)).contains(earlyMay, spring, summer);
    assertThat(List.of(earlyMay, spring, summer)).allSatisfy(date -> assertThat(date.getDayOfWeek()).isEqualTo(MONDAY));
    assertThat(earlyMay.getDayOfMonth()).isLessThanOrEqualTo(7);
    assertThat(spring.getDayOfMonth()).isGreaterThan(24);
    assertThat(summer.getDayOfMonth()).isGreaterThan(24);
  }

  /** A file covering only part of a year: its span is authoritative, the rules fill the rest. */
  @Test
  void partiallyCoveredEdgeYearsUseTheRulesOutsideTheFilesSpan() {
    List<LocalDate> partial = FILE.stream()
        .filter(date -> !date.isBefore(LocalDate.parse("2020-04-10")) && !date.isAfter(LocalDate.parse("2022-06-03")))
        .toList();
    WorkingDayCalendar calendar = new WorkingDayCalendar(partial, List.of());

    assertThat(calendar.bankHolidays(2020)) // 1 Jan from the rules; VE day moved by the file
        .containsExactlyElementsOf(List.copyOf(dates(
            "2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31",
            "2020-12-25", "2020-12-28")));
    assertThat(calendar.bankHolidays(2022)) // the Jubilee from the file; the Queen's funeral is after the span
        .containsExactlyElementsOf(List.copyOf(dates(
            "2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03",
            "2022-08-29", "2022-12-26", "2022-12-27")));
  }

  @Test
  void extraNonWorkingDaysFromConfiguration() {
    LocalDate monday = LocalDate.parse("2026-06-15");
    LocalDate saturday = LocalDate.parse("2026-06-13");
    WorkingDayCalendar calendar = new WorkingDayCalendar(FILE, List.of(monday, saturday));

    assertThat(calendar.isWorkingDay(monday)).isFalse();
    assertThat(calendar.bankHolidays(2026)).contains(monday).doesNotContain(saturday).hasSize(9);
    assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-06-12"), 1)).isEqualTo("2026-06-16");
    assertThat(CALENDAR.plusWorkingDays(LocalDate.parse("2026-06-12"), 1)).isEqualTo(monday);
  }

  @Test
  void datesOutsideTheSupportedRangeAreRejected() {
    assertThatThrownBy(() -> CALENDAR.bankHolidays(1899)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1899");
    assertThatThrownBy(() -> CALENDAR.isWorkingDay(LocalDate.parse("2201-01-01")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2201-01-01")
        .hasMessageContaining("1900-01-01..2200-12-31");
    assertThatThrownBy(() -> new WorkingDayCalendar(List.of(LocalDate.parse("1776-07-04")), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1776-07-04");
  }

  /** Years whose standing-rule holidays all lie inside the file's span. */
  private static List<Integer> fullyCoveredYears() {
    LocalDate first = Collections.min(FILE);
    LocalDate last = Collections.max(FILE);
    return IntStream.rangeClosed(first.getYear(), last.getYear())
        .filter(year -> WorkingDayCalendar.standingBankHolidays(year).stream()
            .allMatch(date -> !date.isBefore(first) && !date.isAfter(last)))
        .boxed()
        .toList();
  }

  private static Set<LocalDate> dates(String... isoDates) {
    return java.util.Arrays.stream(isoDates).map(LocalDate::parse).collect(Collectors.toCollection(TreeSet::new));
  }
}
