package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.notification.BenchReferrals;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmark 5: the managers' dashboard, {@code GET /api/deadlines?limit=500} and {@code GET
 * /api/deadlines/summary}, against embedded PostgreSQL holding N open and M finished notification
 * cases, at growing sizes. The application runs on a random port with its job executor off.
 *
 * <p>Seeding goes through the engine API, two threads (one per partnership, so the case-number
 * sequence rows are not contended), {@value #BATCH} instances per Spring transaction (the engine
 * joins it). <b>Open</b> cases: {@code RuntimeService.startProcessInstanceByKey(
 * "seriousIncidentNotification", referral)} — the full start (validation, case number, deadlines,
 * child assessment), each case then waiting at "Inform the delegated safeguarding partners";
 * referral dates within the last 30 days, deadlines counted from now. <b>Finished</b> cases: {@code
 * createProcessInstanceByKey(...).startBeforeActivity("userTask_reportToPartners").execute(true,
 * true)} with the variables registration gives (partnership, case reference, {@code
 * partnersReportDueAt} at a random time in the last 11 months), then that task completed through
 * {@code TaskService.complete} with its form values (our task listeners run), after which the
 * instance ends at its end event: a genuinely completed duty (late: completed now, after its due
 * date) and a finished case in history. Cases alternate between the two partnerships; the client
 * is a {@code managers} user of North Lincolnshire only, so the queries run with tenant and
 * authorization checks and see half the cases.
 */
final class DashboardBenchmark {

  static final int BATCH = 100;
  static final long SEED = 20_261_122L;
  /** Stop growing when seeding the next size would take longer than this. */
  static final double MAX_SEED_SECONDS = 900;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final List<String> PARTNERSHIPS = List.of("north-lincolnshire", "north-east-lincolnshire");
  private static final ObjectMapper JSON = new ObjectMapper();

  static void run(Results results, boolean quick) throws Exception {
    int[][] sizes = quick ? new int[][] {{100, 1_000}} : new int[][] {{1_000, 10_000}, {3_000, 30_000}, {10_000, 100_000}};
    int warmUp = quick ? 10 : 30;
    int measured = quick ? 30 : 100;
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    List<String> args = BenchApplication.commonArgs("bench-dashboard", EngineBenchmark.database(postgres), "postgres", "postgres");
    args.remove("--camunda.bpm.generate-unique-process-engine-name=true"); // the API's filter uses engine "default"
    ConfigurableApplicationContext app = BenchApplication.start(List.of(), args.toArray(String[]::new));
    ExecutorService seeders = Executors.newFixedThreadPool(PARTNERSHIPS.size());
    try {
      BenchUser manager = new BenchUser(app, "benchmanager", "managers", PARTNERSHIPS.get(0));
      Seeder seeder = new Seeder(app);
      List<Map<String, Object>> detailSizes = new ArrayList<>();
      int open = 0;
      int finished = 0;
      double openSeconds = 0;
      double finishedSeconds = 0;
      for (int[] size : sizes) {
        int addOpen = size[0] - open;
        int addFinished = size[1] - finished;
        if (openSeconds > 0) {
          double estimate = addOpen / (open / openSeconds) + addFinished / (finished / finishedSeconds);
          if (estimate > MAX_SEED_SECONDS) {
            results.row("dashboard", "size " + label(size) + " not measured",
                "seeding it would take ~" + Results.fmt(estimate) + " s (limit " + (int) MAX_SEED_SECONDS + " s)");
            break;
          }
        }
        double seededOpen = seed(seeders, seeder, addOpen, false);
        double seededFinished = seed(seeders, seeder, addFinished, true);
        double seconds = seededOpen + seededFinished;
        openSeconds += seededOpen;
        finishedSeconds += seededFinished;
        open = size[0];
        finished = size[1];
        seeder.check(open, finished);
        double rate = (addOpen + addFinished) / seconds;
        System.out.printf("[bench] dashboard seeded +%d open in %.0f s (%.0f/s), +%d finished in %.0f s (%.0f/s)%n",
            addOpen, seededOpen, addOpen / seededOpen, addFinished, seededFinished, addFinished / seededFinished);

        // Warm up, then alternate the two requests
        int visible = half(open, 0);
        for (int i = 0; i < warmUp; i++) {
          board(manager, visible);
          manager.get("/api/deadlines/summary");
        }
        double[] boardMs = new double[measured];
        double[] summaryMs = new double[measured];
        JsonNode summary = null;
        for (int i = 0; i < measured; i++) {
          long t0 = System.nanoTime();
          board(manager, visible);
          long t1 = System.nanoTime();
          String body = manager.get("/api/deadlines/summary");
          long t2 = System.nanoTime();
          boardMs[i] = (t1 - t0) / 1e6;
          summaryMs[i] = (t2 - t1) / 1e6;
          if (summary == null) {
            summary = JSON.readTree(body);
          }
        }
        long counted = 0;
        for (JsonNode duty : summary.path("duties")) {
          counted += duty.path("onTime").asLong() + duty.path("late").asLong();
        }
        Stats board = Stats.of(boardMs);
        Stats sum = Stats.of(summaryMs);
        results.row("dashboard", "GET /api/deadlines?limit=500 p50 / p95, " + label(size) + " (n=" + board.n() + ")",
            Results.fmt(board.median()) + " / " + Results.fmt(board.p95()) + " ms", "p95 < 200 ms", board.p95() < 200);
        results.row("dashboard", "GET /api/deadlines/summary p50 / p95, " + label(size) + " (n=" + sum.n() + ")",
            Results.fmt(sum.median()) + " / " + Results.fmt(sum.p95()) + " ms", "p95 < 200 ms", sum.p95() < 200);
        results.row("dashboard", "seeding " + label(size) + " (engine API, 2 threads, batches of " + BATCH + ")",
            "open " + Results.fmt(addOpen / seededOpen) + "/s, finished " + Results.fmt(addFinished / seededFinished) + "/s ("
                + Results.fmt(seconds) + " s)");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("open", open);
        detail.put("finished", finished);
        detail.put("openVisibleToManager", visible);
        detail.put("dutiesCountedBySummary", counted);
        detail.put("seedSeconds", seconds);
        detail.put("seedOpenPerSecond", addOpen / seededOpen);
        detail.put("seedFinishedPerSecond", addFinished / seededFinished);
        detail.put("seedCasesPerSecond", rate);
        detail.put("deadlinesMs", board.json());
        detail.put("summaryMs", sum.json());
        detailSizes.add(detail);
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("database", "embedded PostgreSQL, job executor off, history FULL");
      detail.put("client", "one managers user of north-lincolnshire (tenant + authorization checks), HTTP Basic, one request at a time");
      detail.put("seeding", "RuntimeService.startProcessInstanceByKey(seriousIncidentNotification) in transactions of " + BATCH
          + "; finished = started before userTask_reportToPartners, that task completed through TaskService (instance ends)");
      detail.put("warmUpPerEndpoint", warmUp);
      detail.put("sizes", detailSizes);
      results.detail("dashboard", detail);
    } finally {
      seeders.shutdownNow();
      app.close();
    }
  }

  /** Seeds {@code count} more cases, half per partnership, one thread each; returns the seconds taken. */
  static double seed(ExecutorService seeders, Seeder seeder, int count, boolean finish) throws Exception {
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (int p = 0; p < PARTNERSHIPS.size(); p++) {
      String partnership = PARTNERSHIPS.get(p);
      int share = half(count, p);
      work.add(seeders.submit(() -> {
        seeder.seed(partnership, share, finish);
        return null;
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    return (System.nanoTime() - start) / 1e9;
  }

  /** The board as the manager sees it; checks it lists every case of the manager's partnership. */
  private static void board(BenchUser manager, int visible) throws Exception {
    JsonNode board = JSON.readTree(manager.get("/api/deadlines?limit=500"));
    if (board.path("total").asInt() != visible || board.path("cases").size() != Math.min(500, visible)) {
      throw new IllegalStateException("Expected " + visible + " cases on the board, got total " + board.path("total")
          + " with " + board.path("cases").size() + " rows");
    }
  }

  /** The share of {@code count} seeded for partnership number {@code index} (of two). */
  private static int half(int count, int index) {
    return index == 0 ? (count + 1) / 2 : count / 2;
  }

  private static String label(int[] size) {
    return String.format("%,d open / %,d finished", size[0], size[1]);
  }

  /** Bulk seeding through the engine API (also the case file benchmark's other cases). */
  static final class Seeder {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final LocalDateTime now = LocalDateTime.now(LONDON).withSecond(0).withNano(0);
    private final java.util.concurrent.atomic.AtomicLong serial = new java.util.concurrent.atomic.AtomicLong();

    Seeder(ConfigurableApplicationContext app) {
      runtime = app.getBean(RuntimeService.class);
      history = app.getBean(HistoryService.class);
      tasks = app.getBean(TaskService.class);
      transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    }

    void seed(String partnership, int count, boolean finish) {
      Random random = new Random(SEED + partnership.hashCode() * 31L + (finish ? 1 : 0) + count);
      for (int done = 0; done < count; done += BATCH) {
        int batch = Math.min(BATCH, count - done);
        transaction.executeWithoutResult(status -> {
          List<String> ids = new ArrayList<>(batch);
          for (int i = 0; i < batch; i++) {
            ids.add(finish ? finished(partnership, serial.incrementAndGet(), random) : open(partnership, random));
          }
        });
      }
    }

    /** A full referral start (validation, case number, deadlines, child assessment) within the last 30 days. */
    private String open(String partnership, Random random) {
      LocalDateTime aware = now.minusMinutes(60 + (long) (random.nextDouble() * 30 * 24 * 60));
      Map<String, Object> values = BenchReferrals.referral(Map.of(
          "partnership", partnership,
          "incidentDate", aware.minusDays(1).toLocalDate().toString(),
          "awareOfIncidentAt", aware.toString()));
      return runtime.startProcessInstanceByKey(NotificationProcess.KEY, values).getId();
    }

    /**
     * A case registered at a random time in the last 11 months, started directly at "Report the
     * incident to the safeguarding partners" with the variables registration gives it (its due date
     * among them; start listener and I/O mappings skipped, as registering and assessing each case
     * again is what makes {@link #open} slow), the task then completed with its form values: the
     * instance ends, and the duty is recorded as completed late.
     */
    private String finished(String partnership, long n, Random random) {
      java.time.Instant registered = now.atZone(LONDON).toInstant()
          .minusSeconds(3600 + (long) (random.nextDouble() * 330 * 24 * 3600));
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("partnership", partnership);
      values.put("caseReference", "BENCH-" + partnership + "-" + n);
      values.put(NotificationProcess.Vars.PARTNERS_REPORT_DUE_AT, java.util.Date.from(registered.plusSeconds(5 * 24 * 3600)));
      String id = runtime.createProcessInstanceByKey(NotificationProcess.KEY)
          .businessKey("BENCH-" + partnership + "-" + n)
          .setVariables(values)
          .startBeforeActivity(NotificationProcess.Elements.REPORT_TO_PARTNERS)
          .execute(true, true)
          .getId();
      String task = tasks.createTaskQuery().processInstanceId(id).singleResult().getId();
      tasks.complete(task, Map.of(
          "partnersReportedAt", now.minusMinutes(5).toString(), "partnersReportMethod", "E-mail to the three partners"));
      return id;
    }

    /** The database holds what was asked for; deleted instances stay in history as finished. */
    void check(int open, int finished) {
      long running = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).count();
      long ended = history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).finished().count();
      long dueTasks = history.createHistoricTaskInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
          .tenantIdIn(PARTNERSHIPS.get(0)).taskDefinitionKey(NotificationProcess.Elements.REPORT_TO_PARTNERS).finished().count();
      if (running != open || ended != finished || dueTasks != half(finished, 0)) {
        throw new IllegalStateException("Seeded " + open + " open / " + finished + " finished, found " + running
            + " running / " + ended + " finished in history, " + dueTasks + " ended tasks of " + PARTNERSHIPS.get(0));
      }
    }
  }

  private DashboardBenchmark() {}
}
