package uk.cspr.workflow.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.cspr.workflow.calendar.WorkingDayCalendar;

/** Bean {@code engineClock}: the engine's clock (ClockUtil) in Europe/London. */
@Configuration(proxyBeanMethods = false)
class EngineClockConfig {

  @Bean
  Clock engineClock() {
    return new EngineClock(WorkingDayCalendar.ZONE);
  }
}
