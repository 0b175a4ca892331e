package uk.cspr.workflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * {@link CsprSpringBootTest} on a real PostgreSQL database instead of H2 ({@link
 * PostgresTestDatabase}). Name such tests {@code *PostgresIT}: failsafe runs them in {@code verify}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CsprSpringBootTest
@ContextConfiguration(initializers = PostgresTestDatabase.class)
public @interface CsprPostgresTest {}
