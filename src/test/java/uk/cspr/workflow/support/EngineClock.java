package uk.cspr.workflow.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Moves the engine clock in London wall time; tests reset it afterwards. */
public final class EngineClock {

  public static final ZoneId LONDON = ZoneId.of("Europe/London");

  public static void setTo(String londonDateTime) {
    ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant()));
  }

  public static void moveTo(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  public static void reset() {
    ClockUtil.reset();
  }

  /** End of a London day, as statutory deadlines are stored (SPEC §2: 23:59:59). */
  public static Date endOf(String londonDate) {
    return Date.from(LocalDate.parse(londonDate).atTime(23, 59, 59).atZone(LONDON).toInstant());
  }

  /** The London calendar date of a stored deadline. */
  public static LocalDate londonDate(Object date) {
    return ((Date) date).toInstant().atZone(LONDON).toLocalDate();
  }

  private EngineClock() {}
}
