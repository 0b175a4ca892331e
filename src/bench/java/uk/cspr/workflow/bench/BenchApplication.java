package uk.cspr.workflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The application as {@code CsprApplication} configures it, for in-process benchmark contexts: the
 * same component scan, minus the test sources' own nested configurations and controllers (which
 * sit on the benchmark class path), and the process test coverage auto-configuration (a test aid
 * that would slow the engine down).
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName =
    "org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration")
@ComponentScan(basePackages = "uk.cspr.workflow", excludeFilters = {
    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "uk\\.cspr\\.workflow\\..*(Test|IT)(\\$.*)?"),
    @ComponentScan.Filter(type = FilterType.REGEX, pattern = "uk\\.cspr\\.workflow\\.bench\\..*")})
@ConfigurationPropertiesScan("uk.cspr.workflow")
@EnableScheduling
public class BenchApplication {

  /** Starts a context with these sources and {@code --key=value} arguments (highest precedence). */
  static ConfigurableApplicationContext start(List<Object> beans, String... args) {
    List<Class<?>> sources = new ArrayList<>();
    sources.add(BenchApplication.class);
    SpringApplicationBuilder builder = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .logStartupInfo(false)
        .initializers(context -> beans.forEach(bean -> {
          if (bean instanceof org.springframework.beans.factory.config.BeanPostProcessor postProcessor) {
            context.getBeanFactory().addBeanPostProcessor(postProcessor);
          } else {
            context.getBeanFactory().registerSingleton(bean.getClass().getSimpleName() + "#" + System.identityHashCode(bean), bean);
          }
        }));
    return builder.run(args);
  }

  /** Arguments every benchmark context shares: random loopback port, job executor off, quiet logs, no JMX. */
  static List<String> commonArgs(String name, String jdbcUrl, String user, String password) {
    List<String> args = new ArrayList<>(List.of(
        "--spring.application.name=" + name,
        "--server.port=0",
        "--server.address=127.0.0.1",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + user,
        "--spring.datasource.password=" + password,
        "--camunda.bpm.job-execution.enabled=false",
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--camunda.bpm.generic-properties.properties.dbMetricsReporterActivate=false",
        "--spring.jmx.enabled=false",
        "--spring.main.banner-mode=off",
        "--logging.level.root=WARN",
        "--logging.level.uk.cspr=WARN"));
    if (jdbcUrl.startsWith("jdbc:postgresql")) {
      args.add("--spring.datasource.driver-class-name=org.postgresql.Driver");
    }
    return args;
  }

  /**
   * Deliveries go to the in-process GreenMail sink, greeted with HELO as in the demo profile:
   * GreenMail writes its multi-line EHLO reply line by line, a ~40 ms stall per connection that a
   * real relay does not have (README "Benchmarks").
   */
  static List<String> mailSinkArgs(GreenMail smtp) {
    return List.of(
        "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtp.getSmtp().getPort(),
        "--spring.mail.properties.mail.smtp.ehlo=false");
  }
}
