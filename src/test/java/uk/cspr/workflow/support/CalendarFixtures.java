package uk.cspr.workflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import uk.cspr.workflow.calendar.GovUkBankHolidays;
import uk.cspr.workflow.calendar.WorkingDayCalendar;
import uk.cspr.workflow.calendar.WorkingDays;

/**
 * The calendar as shipped (classpath {@code calendar/bank-holidays.json}, no extra days) for tests
 * without Spring, e.g. {@code Mocks.register("workingDays", CalendarFixtures.workingDays(clock))}.
 */
public final class CalendarFixtures {

  private static final List<LocalDate> SHIPPED_BANK_HOLIDAYS = load();
  private static final WorkingDayCalendar SHIPPED_CALENDAR = new WorkingDayCalendar(SHIPPED_BANK_HOLIDAYS, List.of());

  /** The england-and-wales dates of the shipped GOV.UK file, in file order. */
  public static List<LocalDate> shippedBankHolidays() {
    return SHIPPED_BANK_HOLIDAYS;
  }

  public static WorkingDayCalendar shippedCalendar() {
    return SHIPPED_CALENDAR;
  }

  /** Bean {@code workingDays} over the shipped calendar, "today" from {@code clock}. */
  public static WorkingDays workingDays(Clock clock) {
    return new WorkingDays(SHIPPED_CALENDAR, clock);
  }

  private static List<LocalDate> load() {
    String path = "calendar/bank-holidays.json";
    try (InputStream in = CalendarFixtures.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("No " + path + " on the class path");
      }
      return List.copyOf(GovUkBankHolidays.read(in, path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CalendarFixtures() {}
}
