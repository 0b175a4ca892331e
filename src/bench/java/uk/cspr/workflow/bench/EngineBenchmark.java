package uk.cspr.workflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmarks 2 and 3: complete statutory lifecycles ({@link Lifecycle}) on H2 and on embedded
 * PostgreSQL, each time in two engines side by side in this JVM — the application as it is
 * ("real") and the same models with our delegates and listeners replaced by the recorded effects
 * ("floor", {@link FloorReplay}) — alternating real and floor lifecycle by lifecycle so that the
 * shared machine's noise hits both alike. On PostgreSQL a plain JDBC insert-and-commit burst runs in
 * each round too (the physical reference), and commits are counted per lifecycle.
 */
final class EngineBenchmark {

  private static final String PG_USER = "postgres";

  static void run(Results results, boolean quick) throws Exception {
    int warmUp = quick ? 1 : 3;
    int measured = quick ? 3 : 15;
    GreenMail smtp = smtpSink();
    try {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("lifecycle", "notification -> rapid review -> panelDecision -> LCSPR (publication, action plan sign-off, closure)");
      detail.put("floor", "same models; our delegates/listeners skipped, their recorded variable and task-field writes replayed (FloorReplay)");
      detail.put("h2", pair(results, "H2", smtp, warmUp, measured, null));
      EmbeddedPostgres postgres = PostgresTestDatabase.server();
      detail.put("postgres", pair(results, "PostgreSQL", smtp, warmUp, measured, postgres));
      results.detail("engine", detail);
    } finally {
      smtp.stop();
    }
  }

  /** Only real lifecycles on H2, for a profiler (-Dbench.args=profile with JFR in -Dbench.jvmArgs). */
  static void profile(int lifecycles) throws Exception {
    GreenMail smtp = smtpSink();
    ConfigurableApplicationContext real = BenchApplication.start(List.of(), args("bench-profile", database(null), null, smtp));
    try {
      for (int i = 0; i < lifecycles; i++) {
        long start = System.nanoTime();
        new Lifecycle(real).run();
        System.out.printf("[bench] profile lifecycle %d: %.0f ms%n", i + 1, (System.nanoTime() - start) / 1e6);
      }
    } finally {
      real.close();
      smtp.stop();
    }
  }

  /** One engine of a side-by-side comparison and what was measured on it. */
  private static final class Engine {
    final String name;
    final CommitCounter commits = new CommitCounter();
    final FloorReplay.Plugin plugin;
    final ConfigurableApplicationContext context;
    final boolean floor;
    final List<Double> lifecycleMs = new ArrayList<>();
    final List<Double> userStepMs = new ArrayList<>();
    final List<Double> jobMs = new ArrayList<>();
    final List<Double> userStepsTotalMs = new ArrayList<>();
    final List<Double> commitsPer = new ArrayList<>();
    final Map<String, List<Double>> byStep = new LinkedHashMap<>();

    Engine(String name, boolean floor, String jdbcUrl, EmbeddedPostgres postgres, GreenMail smtp) {
      this.name = name;
      this.floor = floor;
      this.plugin = new FloorReplay.Plugin(floor ? FloorReplay.Mode.REPLAY : FloorReplay.Mode.PASS);
      this.context = BenchApplication.start(List.of(commits, plugin), args("bench-" + name, jdbcUrl, postgres, smtp));
    }

    Lifecycle lifecycle() {
      if (floor) {
        FloorReplay.rewind();
      }
      return new Lifecycle(context);
    }

    void measure() {
      long before = commits.commits();
      Lifecycle lifecycle = lifecycle();
      long start = System.nanoTime();
      lifecycle.run();
      lifecycleMs.add((System.nanoTime() - start) / 1e6);
      commitsPer.add((double) (commits.commits() - before));
      double userTotal = 0;
      for (Lifecycle.Step step : lifecycle.steps()) {
        double ms = step.nanos() / 1e6;
        (step.job() ? jobMs : userStepMs).add(ms);
        if (!step.job()) {
          userTotal += ms;
        }
        byStep.computeIfAbsent(step.name(), k -> new ArrayList<>()).add(ms);
      }
      userStepsTotalMs.add(userTotal);
    }

    double last() {
      return lifecycleMs.get(lifecycleMs.size() - 1);
    }

    double lastUser() {
      return userStepsTotalMs.get(userStepsTotalMs.size() - 1);
    }
  }

  /**
   * Engines on one database, side by side: "real" (the application) and "floor".
   */
  private static Map<String, Object> pair(Results results, String db, GreenMail smtp, int warmUp, int measured,
      EmbeddedPostgres postgres) throws Exception {
    List<Engine> engines = new ArrayList<>();
    JdbcReference jdbc = postgres == null ? null : new JdbcReference(database(postgres));
    try {
      Engine real = new Engine("real", false, database(postgres), postgres, smtp);
      engines.add(real);
      Engine floor = new Engine("floor", true, database(postgres), postgres, smtp);
      engines.add(floor);
      String realDb = real.context.getEnvironment().getProperty("spring.datasource.url");

      // Record the effects of our code once (unmeasured), then warm every engine up
      real.plugin.mode = FloorReplay.Mode.RECORD;
      Lifecycle recorded = real.lifecycle();
      recorded.run();
      recorded.verify();
      real.plugin.mode = FloorReplay.Mode.PASS;
      for (int i = 0; i < warmUp; i++) {
        for (Engine engine : engines) {
          Lifecycle lifecycle = engine.lifecycle();
          lifecycle.run();
          lifecycle.verify();
        }
        if (jdbc != null) {
          jdbc.burst(100);
        }
      }
      long xactBefore = postgres == null ? 0 : xactCommits(postgres, realDb);

      List<Double> ratios = new ArrayList<>();
      List<Double> userRatios = new ArrayList<>();
      for (int i = 0; i < measured; i++) {
        for (int k = 0; k < engines.size(); k++) { // rotate the order round by round
          engines.get((i + k) % engines.size()).measure();
        }
        ratios.add(real.last() / floor.last());
        userRatios.add(real.lastUser() / floor.lastUser());
        if (jdbc != null) {
          jdbc.burst(200);
        }
        StringBuilder line = new StringBuilder(String.format("[bench] %s round %d/%d:", db, i + 1, measured));
        engines.forEach(e -> line.append(String.format(" %s %.0f ms", e.name, e.last())));
        System.out.println(line);
      }
      long xactAfter = postgres == null ? 0 : xactCommits(postgres, realDb);

      String name = "engine " + db;
      Stats ratio = Stats.of(ratios);
      Stats userRatio = Stats.of(userRatios);
      StringBuilder rate = new StringBuilder();
      StringBuilder perLifecycle = new StringBuilder();
      for (Engine engine : engines) {
        Stats stats = Stats.of(engine.lifecycleMs);
        rate.append(rate.length() == 0 ? "" : " | ").append(engine.name).append(' ').append(Results.fmt(1000 / stats.median()));
        perLifecycle.append(perLifecycle.length() == 0 ? "" : " | ").append(engine.name).append(' ')
            .append(Results.fmt(stats.median())).append(" (IQR ").append(Results.fmt(stats.p25())).append("–")
            .append(Results.fmt(stats.p75())).append(")");
      }
      results.row(name, "lifecycles per second (median of " + measured + ")", rate.toString());
      results.row(name, "ms per lifecycle", perLifecycle.toString());
      results.row(name, "real / floor, whole lifecycle (paired median)",
          Results.fmt(ratio.median()) + "× (IQR " + Results.fmt(ratio.p25()) + "–" + Results.fmt(ratio.p75()) + "×)",
          "≤ 1.3×", ratio.median() <= 1.3);
      results.row(name, "real / floor, user-task steps only (paired median)",
          Results.fmt(userRatio.median()) + "× (IQR " + Results.fmt(userRatio.p25()) + "–" + Results.fmt(userRatio.p75()) + "×)");
      for (Engine engine : engines) {
        Stats step = Stats.of(engine.userStepMs);
        results.row(name, "user-task step p50 / p95, " + engine.name,
            Results.fmt(step.median()) + " / " + Results.fmt(step.p95()) + " ms (n=" + step.n() + ")");
      }
      StringBuilder jobs = new StringBuilder();
      StringBuilder commits = new StringBuilder();
      for (Engine engine : engines) {
        jobs.append(jobs.length() == 0 ? "" : " | ").append(engine.name).append(' ').append(engine.jobMs.size() / measured)
            .append(" (p50 ").append(Results.fmt(Stats.of(engine.jobMs).median())).append(" ms)");
        commits.append(commits.length() == 0 ? "" : " | ").append(engine.name).append(' ')
            .append(Results.fmt(Stats.of(engine.commitsPer).median()));
      }
      results.row(name, "jobs per lifecycle", jobs.toString());
      results.row(name, "commits per lifecycle", commits.toString());

      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("warmUpLifecyclesPerEngine", warmUp);
      detail.put("measuredLifecyclesPerEngine", measured);
      detail.put("pairedRatioRealToFloor", ratio.json());
      detail.put("pairedRatioRealToFloorUserTaskSteps", userRatio.json());
      for (Engine engine : engines) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("lifecycleMs", Stats.of(engine.lifecycleMs).json());
        e.put("userTaskStepMs", Stats.of(engine.userStepMs).json());
        e.put("jobMs", Stats.of(engine.jobMs).json());
        e.put("commitsPerLifecycle", Stats.of(engine.commitsPer).json());
        e.put("rollbacks", engine.commits.rollbacks());
        e.put("stepMedianMs", medians(engine.byStep));
        detail.put(engine.name, e);
      }
      detail.put("replayedKeys", FloorReplay.keys().stream().sorted().toList());
      detail.put("ourInvocationsByMode", FloorReplay.invocations());
      if (jdbc != null) {
        double commitMs = jdbc.stats().median();
        double realCommits = Stats.of(real.commitsPer).median();
        double floorCommits = Stats.of(floor.commitsPer).median();
        double pgTransactions = (xactAfter - xactBefore) / (double) measured;
        results.row(name, "plain JDBC insert+commit per second (median)",
            Results.fmt(1000 / commitMs) + " (" + Results.fmt(commitMs * 1000) + " µs each; " + jdbc.settings() + ")");
        results.row(name, "PostgreSQL xact_commit per real lifecycle (pg_stat_database)", Results.fmt(pgTransactions));
        results.row(name, "lifecycle / (its commits × JDBC commit time)",
            "real " + Results.fmt(Stats.of(real.lifecycleMs).median() / (realCommits * commitMs)) + "× | floor "
                + Results.fmt(Stats.of(floor.lifecycleMs).median() / (floorCommits * commitMs)) + "×");
        detail.put("jdbcCommitMs", jdbc.stats().json());
        detail.put("jdbcSettings", jdbc.settings());
        detail.put("pgXactCommitPerRealLifecycle", pgTransactions);
      }
      return detail;
    } finally {
      if (jdbc != null) {
        jdbc.close();
      }
      for (Engine engine : engines) {
        engine.context.close();
      }
    }
  }

  private static Map<String, Double> medians(Map<String, List<Double>> byStep) {
    Map<String, Double> medians = new LinkedHashMap<>();
    byStep.forEach((name, values) -> medians.put(name + " (n=" + values.size() + ")", Stats.of(values).median()));
    return medians;
  }

  private static String[] args(String name, String jdbcUrl, EmbeddedPostgres postgres, GreenMail smtp) {
    List<String> args = BenchApplication.commonArgs(name, jdbcUrl, postgres == null ? "sa" : PG_USER,
        postgres == null ? "" : PG_USER);
    args.addAll(BenchApplication.mailSinkArgs(smtp));
    return args.toArray(String[]::new);
  }

  /** A fresh database: in-memory H2, or a new database on the embedded PostgreSQL server. */
  static String database(EmbeddedPostgres postgres) {
    String name = "bench_" + UUID.randomUUID().toString().replace("-", "");
    if (postgres == null) {
      return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres.getJdbcUrl(PG_USER, name);
  }

  /** Committed transactions of a database as PostgreSQL counts them (after its stats flush, ≤ 10 s idle). */
  private static long xactCommits(EmbeddedPostgres postgres, String jdbcUrl) throws Exception {
    Thread.sleep(11_000);
    String name = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "SELECT xact_commit FROM pg_stat_database WHERE datname = ?")) {
      statement.setString(1, name);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  static GreenMail smtpSink() {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      GreenMail greenMail = new GreenMail(new ServerSetup(socket.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      socket.close();
      greenMail.start();
      return greenMail;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EngineBenchmark() {}
}
