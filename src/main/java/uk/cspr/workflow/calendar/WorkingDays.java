package uk.cspr.workflow.calendar;

import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * STUB (API fixed, implementation by the calendar work): the working-day calendar as BPMN
 * expressions see it, bean {@code workingDays}. Accepts Date, Instant, OffsetDateTime,
 * ZonedDateTime, LocalDate, LocalDateTime or an ISO-8601 string; returns java.util.Date.
 */
@Component("workingDays")
public class WorkingDays {

  /** SPEC §2 "within n working days of X": end (23:59:59 Europe/London) of the n-th working day after X's day. */
  public Date deadline(Object when, int workingDays) {
    throw new UnsupportedOperationException("stub");
  }

  /** SPEC §2 "no later than n working days before Y": end of the n-th working day before Y's day. */
  public Date latestBefore(Object when, int workingDays) {
    throw new UnsupportedOperationException("stub");
  }

  /** SPEC §2 "within n months": end of the same day n calendar months later (15 Jan + 6 = 15 Jul). */
  public Date plusMonths(Object when, int months) {
    throw new UnsupportedOperationException("stub");
  }

  /** Working days from today (Europe/London, engine clock) to the deadline's day; negative when overdue. */
  public int workingDaysLeft(Object deadline) {
    throw new UnsupportedOperationException("stub");
  }
}
