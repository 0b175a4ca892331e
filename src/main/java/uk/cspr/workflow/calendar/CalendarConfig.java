package uk.cspr.workflow.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Builds the {@link WorkingDayCalendar} from {@code cspr.calendar.*}. A missing or malformed bank
 * holiday file stops start-up with a message naming the file and the property.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfig {

  private static final Logger LOG = LoggerFactory.getLogger(CalendarConfig.class);
  private static final String PROPERTY = "cspr.calendar.bank-holidays";

  @Bean
  WorkingDayCalendar workingDayCalendar(CalendarProperties properties) {
    List<LocalDate> bankHolidays = read(properties.bankHolidays());
    WorkingDayCalendar calendar;
    try {
      calendar = new WorkingDayCalendar(bankHolidays, properties.extraNonWorkingDays());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Invalid working-day calendar configuration (cspr.calendar.*): " + e.getMessage(), e);
    }
    LOG.info(
        "Working-day calendar: GOV.UK bank holidays {}..{} from {}, standing rules outside that span, {} extra non-working day(s)",
        Collections.min(bankHolidays),
        Collections.max(bankHolidays),
        properties.bankHolidays().getDescription(),
        properties.extraNonWorkingDays().size());
    return calendar;
  }

  private static List<LocalDate> read(Resource resource) {
    String source = resource.getDescription();
    try (InputStream in = resource.getInputStream()) {
      return GovUkBankHolidays.read(in, source);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the bank holiday file " + source + " (" + PROPERTY + "): " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage() + " (" + PROPERTY + ")", e);
    }
  }
}
