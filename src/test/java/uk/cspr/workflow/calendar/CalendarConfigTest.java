package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code cspr.calendar.*}: file location, extra non-working days, and start-up failure on a bad file. */
class CalendarConfigTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(CalendarConfig.class);

  @Test
  void defaultsToTheShippedFile() {
    runner.run(context -> {
      WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
      assertThat(calendar.isWorkingDay(LocalDate.parse("2022-09-19"))).isFalse(); // only in the file
      assertThat(calendar.isWorkingDay(LocalDate.parse("2022-05-30"))).isTrue(); // moved by the file
    });
  }

  @Test
  void extraNonWorkingDaysAreHonoured() {
    runner
        .withPropertyValues("cspr.calendar.extra-non-working-days=2026-06-15,2026-06-16")
        .run(context -> {
          WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
          assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-15"))).isFalse();
          assertThat(calendar.isWorkingDay(LocalDate.parse("2026-06-16"))).isFalse();
          assertThat(calendar.plusWorkingDays(LocalDate.parse("2026-06-12"), 1)).isEqualTo("2026-06-17");
        });
    runner // YAML list form
        .withPropertyValues("cspr.calendar.extra-non-working-days[0]=2027-06-07")
        .run(context -> assertThat(context.getBean(WorkingDayCalendar.class).isWorkingDay(LocalDate.parse("2027-06-07"))).isFalse());
  }

  @Test
  void aNewerDownloadFromTheFileSystem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bank-holidays.json");
    Files.writeString(file, """
        {"england-and-wales": {"division": "england-and-wales", "events": [
          {"title": "New Year’s Day", "date": "2028-01-03", "notes": "Substitute day", "bunting": true},
          {"title": "A new one-off bank holiday", "date": "2028-07-05", "notes": "", "bunting": true},
          {"title": "Boxing Day", "date": "2028-12-26", "notes": "", "bunting": true}]},
         "scotland": {"division": "scotland", "events": []}}
        """);
    runner
        .withPropertyValues("cspr.calendar.bank-holidays=file:" + file)
        .run(context -> {
          WorkingDayCalendar calendar = context.getBean(WorkingDayCalendar.class);
          assertThat(calendar.bankHolidays(2028)).containsExactly(
              LocalDate.parse("2028-01-03"), LocalDate.parse("2028-07-05"), LocalDate.parse("2028-12-26"));
          assertThat(calendar.isWorkingDay(LocalDate.parse("2027-12-27"))).isFalse(); // rules outside the file
        });
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', value = {
    "{\"england-and-wales\": |not valid JSON",
    "{\"scotland\": {\"events\": [{\"date\": \"2026-01-01\"}]}}|no \"england-and-wales\" division",
    "{\"england-and-wales\": {\"events\": []}}|non-empty \"events\"",
    "{\"england-and-wales\": {\"events\": [{\"title\": \"x\"}]}}|an event has no \"date\"",
    "{\"england-and-wales\": {\"events\": [{\"date\": \"2026-02-30\"}]}}|\"2026-02-30\" is not an ISO date",
  })
  void aBadFileStopsStartUpWithAClearMessage(String content, String problem, @TempDir Path dir) throws IOException {
    Path file = dir.resolve("bank-holidays.json");
    Files.writeString(file, content);
    runner
        .withPropertyValues("cspr.calendar.bank-holidays=file:" + file)
        .run(context -> assertThat(context.getStartupFailure())
            .hasStackTraceContaining(file.toString())
            .hasStackTraceContaining(problem)
            .hasStackTraceContaining("cspr.calendar.bank-holidays"));
  }

  @Test
  void aMissingFileStopsStartUp() {
    runner
        .withPropertyValues("cspr.calendar.bank-holidays=file:/nonexistent/bank-holidays.json")
        .run(context -> assertThat(context.getStartupFailure())
            .hasStackTraceContaining("Cannot read the bank holiday file")
            .hasStackTraceContaining("/nonexistent/bank-holidays.json")
            .hasStackTraceContaining("cspr.calendar.bank-holidays"));
  }

  @Test
  void anImpossibleExtraDayStopsStartUp() {
    runner
        .withPropertyValues("cspr.calendar.extra-non-working-days=2026-02-30")
        .run(context -> assertThat(context.getStartupFailure())
            .hasStackTraceContaining("cspr.calendar.extra-non-working-days")
            .hasStackTraceContaining("2026-02-30"));
  }
}
