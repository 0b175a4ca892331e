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
      detail.put("lifecycle", "notification -> rapid review -> panelDecision (LCSPR not yet on main)");
      detail.put("floor", "same models; our delegates/listeners skipped, their recorded variable and task-field writes replayed (FloorReplay)");
      detail.put("h2", pair(results, "H2", smtp, warmUp, measured, null));
      EmbeddedPostgres postgres = PostgresTestDatabase.server();
      detail.put("postgres", pair(results, "PostgreSQL", smtp, warmUp, measured, postgres));
      results.detail("engine", detail);
    } finally {
      smtp.stop();
    }
  }

  private static Map<String, Object> pair(Results results, String db, GreenMail smtp, int warmUp, int measured,
      EmbeddedPostgres postgres) throws Exception {
    CommitCounter realCommits = new CommitCounter();
    CommitCounter floorCommits = new CommitCounter();
    FloorReplay.Plugin realPlugin = new FloorReplay.Plugin(FloorReplay.Mode.RECORD);
    FloorReplay.Plugin floorPlugin = new FloorReplay.Plugin(FloorReplay.Mode.REPLAY);
    String realDb = database(postgres);
    String floorDb = database(postgres);
    ConfigurableApplicationContext real = null;
    ConfigurableApplicationContext floor = null;
    JdbcReference jdbc = postgres == null ? null : new JdbcReference(database(postgres));
    try {
      real = BenchApplication.start(List.of(realCommits, realPlugin), args("bench-real", realDb, postgres, smtp));
      floor = BenchApplication.start(List.of(floorCommits, floorPlugin), args("bench-floor", floorDb, postgres, smtp));

      // Record the effects of our code once (unmeasured), then warm both engines up
      Lifecycle recorded = new Lifecycle(real);
      recorded.run();
      recorded.verify();
      realPlugin.mode = FloorReplay.Mode.PASS;
      for (int i = 0; i < warmUp; i++) {
        new Lifecycle(real).run();
        FloorReplay.rewind();
        Lifecycle floorLifecycle = new Lifecycle(floor);
        floorLifecycle.run();
        floorLifecycle.verify();
        if (jdbc != null) {
          jdbc.burst(100);
        }
      }
      long xactBefore = postgres == null ? 0 : xactCommits(postgres, realDb);

      List<Double> realMs = new ArrayList<>();
      List<Double> floorMs = new ArrayList<>();
      List<Double> pairedRatios = new ArrayList<>();
      List<Double> realSteps = new ArrayList<>();
      List<Double> floorSteps = new ArrayList<>();
      List<Double> realJobs = new ArrayList<>();
      List<Double> floorJobs = new ArrayList<>();
      List<Double> realCommitsPer = new ArrayList<>();
      List<Double> floorCommitsPer = new ArrayList<>();
      Map<String, List<Double>> realByStep = new LinkedHashMap<>();
      Map<String, List<Double>> floorByStep = new LinkedHashMap<>();
      for (int i = 0; i < measured; i++) {
        double r = 0;
        double f = 0;
        for (int half = 0; half < 2; half++) {
          boolean realFirst = i % 2 == 0;
          if ((half == 0) == realFirst) {
            long commits = realCommits.commits();
            Lifecycle lifecycle = new Lifecycle(real);
            long start = System.nanoTime();
            lifecycle.run();
            r = (System.nanoTime() - start) / 1e6;
            realCommitsPer.add((double) (realCommits.commits() - commits));
            collect(lifecycle, realSteps, realJobs, realByStep);
          } else {
            long commits = floorCommits.commits();
            FloorReplay.rewind();
            Lifecycle lifecycle = new Lifecycle(floor);
            long start = System.nanoTime();
            lifecycle.run();
            f = (System.nanoTime() - start) / 1e6;
            floorCommitsPer.add((double) (floorCommits.commits() - commits));
            collect(lifecycle, floorSteps, floorJobs, floorByStep);
          }
        }
        realMs.add(r);
        floorMs.add(f);
        pairedRatios.add(r / f);
        if (jdbc != null) {
          jdbc.burst(200);
        }
        System.out.printf("[bench] %s round %d/%d: real %.0f ms, floor %.0f ms%n", db, i + 1, measured, r, f);
      }
      long xactAfter = postgres == null ? 0 : xactCommits(postgres, realDb);

      Stats realStats = Stats.of(realMs);
      Stats floorStats = Stats.of(floorMs);
      Stats ratio = Stats.of(pairedRatios);
      Stats realStep = Stats.of(realSteps);
      Stats floorStep = Stats.of(floorSteps);
      String name = "engine " + db;
      results.row(name, "lifecycles/s real | floor (median of " + measured + ")",
          Results.fmt(1000 / realStats.median()) + " | " + Results.fmt(1000 / floorStats.median())
              + "  (" + Results.fmt(realStats.median()) + " ms | " + Results.fmt(floorStats.median()) + " ms per lifecycle)");
      results.row(name, "real / floor lifecycle time (paired, median)",
          Results.fmt(ratio.median()) + "× (IQR " + Results.fmt(ratio.p25()) + "–" + Results.fmt(ratio.p75()) + "×)",
          "≤ 1.3×", ratio.median() <= 1.3);
      results.row(name, "user-task step p50 / p95 real",
          Results.fmt(realStep.median()) + " / " + Results.fmt(realStep.p95()) + " ms (n=" + realStep.n() + ")");
      results.row(name, "user-task step p50 / p95 floor",
          Results.fmt(floorStep.median()) + " / " + Results.fmt(floorStep.p95()) + " ms (n=" + floorStep.n() + ")");
      results.row(name, "jobs per lifecycle real | floor (p50 ms)",
          realJobs.size() / measured + " (" + Results.fmt(Stats.of(realJobs).median()) + ") | "
              + floorJobs.size() / measured + " (" + Results.fmt(Stats.of(floorJobs).median()) + ")");
      results.row(name, "commits per lifecycle real | floor",
          Results.fmt(Stats.of(realCommitsPer).median()) + " | " + Results.fmt(Stats.of(floorCommitsPer).median()));

      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("warmUpLifecyclesPerEngine", warmUp + 1);
      detail.put("measuredLifecyclesPerEngine", measured);
      detail.put("realLifecycleMs", realStats.json());
      detail.put("floorLifecycleMs", floorStats.json());
      detail.put("pairedRatio", ratio.json());
      detail.put("realUserTaskStepMs", realStep.json());
      detail.put("floorUserTaskStepMs", floorStep.json());
      detail.put("realJobMs", Stats.of(realJobs).json());
      detail.put("floorJobMs", Stats.of(floorJobs).json());
      detail.put("realCommitsPerLifecycle", Stats.of(realCommitsPer).json());
      detail.put("floorCommitsPerLifecycle", Stats.of(floorCommitsPer).json());
      detail.put("realRollbacks", realCommits.rollbacks());
      detail.put("realStepMedianMs", medians(realByStep));
      detail.put("floorStepMedianMs", medians(floorByStep));
      detail.put("replayedKeys", FloorReplay.keys().stream().sorted().toList());
      detail.put("ourInvocationsByMode", FloorReplay.invocations());
      if (jdbc != null) {
        double commitMs = jdbc.stats().median();
        double perLifecycle = Stats.of(realCommitsPer).median();
        double pgTransactions = (xactAfter - xactBefore) / (double) measured;
        Stats.of(List.of(1.0));
        results.row(name, "plain JDBC insert+commit per second (median)",
            Results.fmt(1000 / commitMs) + " (" + Results.fmt(commitMs * 1000) + " µs per commit; " + jdbc.settings() + ")");
        results.row(name, "PostgreSQL xact_commit per lifecycle (pg_stat_database)", Results.fmt(pgTransactions));
        results.row(name, "lifecycle / (commits × commit time) real | floor",
            Results.fmt(realStats.median() / (perLifecycle * commitMs)) + "× | "
                + Results.fmt(floorStats.median() / (Stats.of(floorCommitsPer).median() * commitMs)) + "×");
        detail.put("jdbcCommitMs", jdbc.stats().json());
        detail.put("jdbcSettings", jdbc.settings());
        detail.put("pgXactCommitPerLifecycle", pgTransactions);
      }
      return detail;
    } finally {
      if (jdbc != null) {
        jdbc.close();
      }
      if (floor != null) {
        floor.close();
      }
      if (real != null) {
        real.close();
      }
    }
  }

  private static void collect(Lifecycle lifecycle, List<Double> steps, List<Double> jobs, Map<String, List<Double>> byStep) {
    for (Lifecycle.Step step : lifecycle.steps()) {
      double ms = step.nanos() / 1e6;
      (step.job() ? jobs : steps).add(ms);
      byStep.computeIfAbsent(step.name(), k -> new ArrayList<>()).add(ms);
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
    args.add("--spring.mail.host=127.0.0.1");
    args.add("--spring.mail.port=" + smtp.getSmtp().getPort());
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
