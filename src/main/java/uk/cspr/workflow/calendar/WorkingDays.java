package uk.cspr.workflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The working-day calendar as BPMN expressions see it, bean {@code workingDays} (SPEC §2), e.g.
 * {@code ${workingDays.deadline(awareOfIncidentAt, 5)}}. Accepts java.util.Date, Instant,
 * OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime (Europe/London) or an ISO-8601 string
 * (date or date-time, as form-js submits them); anything else, or null, is an {@link
 * IllegalArgumentException}. Returns java.util.Date at 23:59:59 Europe/London.
 *
 * <p>Each method name has exactly one signature, so JUEL always resolves it.
 */
@Component("workingDays")
public class WorkingDays {

  /** Camunda REST's date format ({@code 2026-12-24T10:15:00.000+0000}): offset without a colon. */
  private static final DateTimeFormatter OFFSET_WITHOUT_COLON =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss][.SSS]XX");

  private final WorkingDayCalendar calendar;
  private final Clock clock;

  /**
   * @param clock "today" for {@link #workingDaysLeft}: in the application the engine clock, so
   *     tests that move the engine's time move it too
   */
  public WorkingDays(WorkingDayCalendar calendar, @Qualifier("engineClock") Clock clock) {
    this.calendar = calendar;
    this.clock = clock;
  }

  /** SPEC §2 "within n working days of X": end (23:59:59 Europe/London) of the n-th working day after X's day. */
  public Date deadline(Object when, int workingDays) {
    // the usual process variable types take the allocation-free path
    if (when instanceof Date date) {
      return new Date(calendar.deadlineEpochSecond(Math.floorDiv(date.getTime(), 1000), workingDays) * 1000);
    } else if (when instanceof Instant instant) {
      return new Date(calendar.deadlineEpochSecond(instant.getEpochSecond(), workingDays) * 1000);
    }
    return endOf(calendar.plusWorkingDays(londonDay(when), workingDays));
  }

  /** SPEC §2 "no later than n working days before Y": end of the n-th working day before Y's day. */
  public Date latestBefore(Object when, int workingDays) {
    return endOf(calendar.plusWorkingDays(londonDay(when), Math.negateExact(workingDays)));
  }

  /** SPEC §2 "within n months": end of the same day n calendar months later (15 Jan + 6 = 15 Jul; 31 Aug + 6 = end of Feb). */
  public Date plusMonths(Object when, int months) {
    return endOf(londonDay(when).plusMonths(months));
  }

  /**
   * Working days from today (Europe/London, engine clock) to the deadline's day: 0 on the day
   * itself, negative when overdue (e.g. -1 on the weekend after a Friday deadline).
   */
  public int workingDaysLeft(Object deadline) {
    LocalDate today = calendar.londonDate(clock.instant());
    return calendar.workingDaysBetween(today, londonDay(deadline));
  }

  /** Working days from the day of {@code from} to the day of {@code to} (Europe/London), negative when earlier. */
  public int workingDaysBetween(Object from, Object to) {
    return calendar.workingDaysBetween(londonDay(from), londonDay(to));
  }

  /** End (23:59:59 Europe/London) of the day of {@code when}. */
  public Date endOfDay(Object when) {
    return endOf(londonDay(when));
  }

  /** Whether the Europe/London day of {@code when} is a working day. */
  public boolean isWorkingDay(Object when) {
    return calendar.isWorkingDay(londonDay(when));
  }

  private Date endOf(LocalDate day) {
    return new Date(calendar.endOfDay(day).toEpochSecond() * 1000);
  }

  /** The Europe/London calendar day of any accepted input. */
  private LocalDate londonDay(Object when) {
    if (when instanceof Date date) {
      return calendar.londonDate(Instant.ofEpochMilli(date.getTime())); // also java.sql.Date
    } else if (when instanceof Instant instant) {
      return calendar.londonDate(instant);
    } else if (when instanceof OffsetDateTime dateTime) {
      return calendar.londonDate(dateTime.toInstant());
    } else if (when instanceof ZonedDateTime dateTime) {
      return calendar.londonDate(dateTime.toInstant());
    } else if (when instanceof LocalDate date) {
      return date;
    } else if (when instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    } else if (when instanceof String text) {
      return londonDay(parse(text.strip()));
    } else if (when == null) {
      throw new IllegalArgumentException("workingDays: the date is null (is the variable set?)");
    }
    throw new IllegalArgumentException(
        "workingDays: cannot read a date from a "
            + when.getClass().getName()
            + " ("
            + when
            + "); expected java.util.Date, Instant, OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime"
            + " or an ISO-8601 string");
  }

  /** "2026-12-24", "2026-12-24T10:15" (London), "2026-12-24T10:15:00Z", "...+01:00[Europe/London]", "...+0100". */
  private static Object parse(String text) {
    try {
      if (text.indexOf('T') < 0) {
        return LocalDate.parse(text);
      }
      return DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text, OFFSET_WITHOUT_COLON);
      } catch (DateTimeParseException ignored) {
        throw new IllegalArgumentException(
            "workingDays: \""
                + text
                + "\" is not an ISO-8601 date (2026-12-24) or date-time (2026-12-24T10:15, 2026-12-24T10:15:00Z): "
                + e.getMessage(),
            e);
      }
    }
  }
}
