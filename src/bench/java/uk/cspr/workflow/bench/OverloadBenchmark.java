package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.PostgresTestDatabase;
import uk.cspr.workflow.support.TestReferrals;

/**
 * Benchmark 6: overload (issue 15.6). The application on embedded PostgreSQL, job executor on,
 * default pool and admission settings; 200 and then 1,000 referrals are sent at the same moment
 * ({@code POST /api/referrals}, one HTTP connection each). Counts created (201), refused (503 with
 * Retry-After) and anything else (must be none), the latency p50 / p95 of each kind, and checks that
 * the cases in the engine are exactly the 201s: nothing half-created.
 */
final class OverloadBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  static void run(Results results, boolean quick) throws Exception {
    GreenMail smtp = EngineBenchmark.smtpSink();
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    List<String> args = BenchApplication.commonArgs("bench-overload", EngineBenchmark.database(postgres), "postgres", "postgres");
    args.set(args.indexOf("--camunda.bpm.job-execution.enabled=false"), "--camunda.bpm.job-execution.enabled=true");
    args.addAll(BenchApplication.mailSinkArgs(smtp));
    ConfigurableApplicationContext app = BenchApplication.start(List.of(), args.toArray(String[]::new));
    try {
      BenchUser coordinator = new BenchUser(app, "benchoverload", "business-unit", "north-lincolnshire");
      String body = JSON.writeValueAsString(TestReferrals.referral("north-lincolnshire"));
      burst(coordinator, body, 20); // warm-up
      for (int simultaneous : quick ? List.of(50) : List.of(200, 1000)) {
        HistoryService history = app.getBean(HistoryService.class);
        long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).count();
        TreeMap<Integer, List<Double>> byStatus = burst(coordinator, body, simultaneous);
        long created = history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).count() - before;
        int ok = byStatus.getOrDefault(201, List.of()).size();
        int refused = byStatus.getOrDefault(503, List.of()).size();
        int other = simultaneous - ok - refused;
        String label = simultaneous + " simultaneous referrals";
        results.row("overload", label + ": created / refused 503 / other", ok + " / " + refused + " / " + other,
            "other = 0", other == 0);
        results.row("overload", label + ": cases in the engine", created + " (answered 201: " + ok + ")",
            "= 201s", created == ok);
        for (var entry : byStatus.entrySet()) {
          Stats stats = Stats.of(entry.getValue());
          results.row("overload", label + ": HTTP " + entry.getKey() + " p50 / p95 / max",
              Results.fmt(stats.median()) + " / " + Results.fmt(stats.p95()) + " / " + Results.fmt(stats.max()) + " ms");
        }
      }
    } finally {
      app.close();
      postgres.close();
      smtp.stop();
    }
  }

  /** Sends {@code count} referrals at once; latencies in ms by HTTP status (0: no answer). */
  private static TreeMap<Integer, List<Double>> burst(BenchUser user, String body, int count) {
    List<CompletableFuture<double[]>> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      answers.add(user.postAsync("/api/referrals", body)
          .handle((HttpResponse<String> response, Throwable failure) -> new double[] {
              failure == null ? response.statusCode() : 0, (System.nanoTime() - start) / 1e6}));
    }
    TreeMap<Integer, List<Double>> byStatus = new TreeMap<>();
    for (CompletableFuture<double[]> answer : answers) {
      double[] result = answer.join();
      byStatus.computeIfAbsent((int) result[0], s -> new ArrayList<>()).add(result[1]);
    }
    return byStatus;
  }

  private OverloadBenchmark() {}
}
