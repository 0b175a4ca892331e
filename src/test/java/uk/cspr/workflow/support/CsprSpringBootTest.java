package uk.cspr.workflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory H2 database, the job executor off
 * (tests execute jobs explicitly) and profile {@code test}. Add profiles with {@code @ActiveProfiles}
 * on the test class only where a test needs them (e.g. {@code demo}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface CsprSpringBootTest {}
