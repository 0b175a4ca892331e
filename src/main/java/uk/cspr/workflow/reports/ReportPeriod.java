package uk.cspr.workflow.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

/**
 * The days a yearly report covers, both included, in London: by default the financial year
 * (1 April to 31 March) the engine clock is in, the year local partnership reports commonly cover
 * (Working Together 2023 ch.4: a report at least once in every 12 months).
 */
record ReportPeriod(LocalDate from, LocalDate to) {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  static final int LONGEST_DAYS = 5 * 366;

  /** The financial year that contains {@code day}. */
  static ReportPeriod financialYearOf(LocalDate day) {
    int startYear = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    return new ReportPeriod(LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31));
  }

  Instant start() {
    return from.atStartOfDay(LONDON).toInstant();
  }

  /** The first moment after the period. */
  Instant end() {
    return to.plusDays(1).atStartOfDay(LONDON).toInstant();
  }

  boolean contains(Instant when) {
    return when != null && !when.isBefore(start()) && when.isBefore(end());
  }

  boolean contains(Date when) {
    return when != null && contains(when.toInstant());
  }
}
