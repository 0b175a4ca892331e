package uk.cspr.workflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Child Safeguarding Practice Review workflow: Camunda 7 engine, REST API and webapps. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CsprApplication {

  public static void main(String[] args) {
    SpringApplication.run(CsprApplication.class, args);
  }
}
