package uk.cspr.workflow.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server for fault tests: unlike {@link PostgresTestDatabase}'s shared server it has a
 * fixed port and data directory, so {@link #stop()} and {@link #start()} simulate a database
 * outage: clients lose their connections, and the same server with the same data comes back on the
 * same address. {@link #close()} stops it and deletes the data.
 */
public final class RestartablePostgres implements AutoCloseable {

  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres server;

  private RestartablePostgres(Path dataDirectory, int port) {
    this.dataDirectory = dataDirectory;
    this.port = port;
  }

  /** A new server (initdb on a fresh data directory) on a free loopback port, started. */
  public static RestartablePostgres startNew() {
    try {
      RestartablePostgres postgres = new RestartablePostgres(Files.createTempDirectory("cspr-pg-"), freePort());
      postgres.start();
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server on its data directory and port (initdb only the first time). */
  public synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              // room for two application nodes' pools and the test's own connections
              .setServerConfig("max_connections", "200")
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start PostgreSQL on port " + port, e);
    }
  }

  /** Stops the server ({@code pg_ctl stop -m fast}: open connections are terminated); data is kept. */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      server = null;
    }
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /** A fresh, empty database; the server must be running. */
  public synchronized String createDatabase() {
    return PostgresTestDatabase.createDatabase(running());
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port + "/" + database;
  }

  /** A connection-per-call data source (no pool), so the test's own queries survive an outage. */
  public DataSource dataSource(String database) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setServerNames(new String[] {"localhost"});
    dataSource.setPortNumbers(new int[] {port});
    dataSource.setDatabaseName(database);
    dataSource.setUser(PostgresTestDatabase.USER);
    dataSource.setConnectTimeout(5);
    return dataSource;
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("Could not delete " + dataDirectory + ": " + e.getMessage());
    }
  }

  private EmbeddedPostgres running() {
    if (server == null) {
      throw new IllegalStateException("PostgreSQL on port " + port + " is stopped");
    }
    return server;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
