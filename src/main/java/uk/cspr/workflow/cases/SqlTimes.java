package uk.cspr.workflow.cases;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;

/** Times for our tables' {@code TIMESTAMP WITH TIME ZONE} columns, as both JDBC drivers take them. */
final class SqlTimes {

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static OffsetDateTime utc(Date date) {
    return date == null ? null : utc(date.toInstant());
  }

  private SqlTimes() {}
}
