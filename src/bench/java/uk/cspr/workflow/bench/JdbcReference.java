package uk.cspr.workflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 3's physical reference: on the same embedded PostgreSQL server, one connection inserts a
 * row and commits, again and again (the cheapest durable transaction the database offers).
 */
final class JdbcReference implements AutoCloseable {

  private final Connection connection;
  private final PreparedStatement insert;
  private final List<Double> commitMs = new ArrayList<>();
  private final String settings;

  JdbcReference(String jdbcUrl) throws SQLException {
    connection = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bench_commit (id BIGSERIAL PRIMARY KEY, payload VARCHAR(100), at TIMESTAMP)");
      settings = "fsync=" + show(statement, "fsync") + ", synchronous_commit=" + show(statement, "synchronous_commit");
    }
    connection.setAutoCommit(false);
    insert = connection.prepareStatement("INSERT INTO bench_commit (payload, at) VALUES (?, now())");
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** {@code count} insert-and-commit transactions; each one's time is kept. */
  void burst(int count) throws SQLException {
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      insert.setString(1, "row " + i);
      insert.executeUpdate();
      connection.commit();
      commitMs.add((System.nanoTime() - start) / 1e6);
    }
  }

  Stats stats() {
    return Stats.of(commitMs);
  }

  String settings() {
    return settings;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
