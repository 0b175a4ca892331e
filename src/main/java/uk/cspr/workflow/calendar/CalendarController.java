package uk.cspr.workflow.calendar;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.cspr.workflow.config.InvalidParameterException;

/**
 * Read-only working-day calendar for any authenticated user (SPEC §2). Bad input answers 400 in the
 * {@code ApiErrors} shape, naming the parameter.
 */
@RestController
@RequestMapping(path = "/api/calendar", produces = "application/json")
class CalendarController {

  /** Far enough for any statutory deadline, small enough to stay inside the calendar's range. */
  static final int MAX_DAYS = 10_000;

  record BankHolidays(int year, List<LocalDate> dates) {}

  record DateResult(LocalDate date) {}

  record WorkingDaysResult(int workingDays) {}

  private final WorkingDayCalendar calendar;

  CalendarController(WorkingDayCalendar calendar) {
    this.calendar = calendar;
  }

  /** Non-working weekdays of a year: bank holidays and configured extra days. */
  @GetMapping("/bank-holidays")
  BankHolidays bankHolidays(@RequestParam("year") @Min(1900) @Max(2200) int year) {
    return new BankHolidays(year, calendar.bankHolidays(year));
  }

  /** The n-th working day after (n &gt; 0) or before (n &lt; 0) a date. */
  @GetMapping("/working-days/add")
  DateResult add(
      @RequestParam("date") @DateTimeFormat(iso = ISO.DATE) LocalDate date,
      @RequestParam("days") @Min(-MAX_DAYS) @Max(MAX_DAYS) int days) {
    supported("date", date);
    try {
      return new DateResult(calendar.plusWorkingDays(date, days));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("days", e.getMessage());
    }
  }

  /** Working days after {@code from} up to and including {@code to}; negative when to is earlier. */
  @GetMapping("/working-days/between")
  WorkingDaysResult between(
      @RequestParam("from") @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam("to") @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return new WorkingDaysResult(calendar.workingDaysBetween(supported("from", from), supported("to", to)));
  }

  private static LocalDate supported(String parameter, LocalDate date) {
    if (!WorkingDayCalendar.supports(date)) {
      throw new InvalidParameterException(
          parameter, date + " is outside the supported range " + WorkingDayCalendar.FIRST_DAY + ".." + WorkingDayCalendar.LAST_DAY);
    }
    return date;
  }
}
