package uk.cspr.workflow.calendar;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * {@code cspr.calendar.*} (SPEC §2): the GOV.UK bank-holidays.json to use ({@code classpath:} or
 * {@code file:}, so an administrator can point to a newer download) and extra non-working days
 * (ISO dates) added without a release.
 */
@ConfigurationProperties("cspr.calendar")
record CalendarProperties(
    @DefaultValue("classpath:calendar/bank-holidays.json") Resource bankHolidays,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) List<LocalDate> extraNonWorkingDays) {

  CalendarProperties {
    extraNonWorkingDays = extraNonWorkingDays == null ? List.of() : List.copyOf(extraNonWorkingDays);
  }
}
