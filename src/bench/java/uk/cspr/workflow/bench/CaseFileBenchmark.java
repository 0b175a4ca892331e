package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.documents.CaseDocuments;
import uk.cspr.workflow.documents.TestDocuments;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmark 7 (issue 18.5): the case page's data, {@code GET /api/cases/{caseReference}}, for a
 * case with a full lifecycle among many other cases, on embedded PostgreSQL; the application on a
 * random port, job executor off (the lifecycle runs the due jobs itself), history FULL.
 *
 * <p><b>The case:</b> one {@link Lifecycle} (notification, rapid review, the Panel's answer, LCSPR
 * to closure; its letters delivered to an in-process SMTP sink), then five documents added to it
 * by the partnership's business unit through {@link CaseDocuments} (PDF, DOCX, ODT). <b>Other
 * cases</b>, seeded exactly as {@link DashboardBenchmark} seeds its cases, half North Lincolnshire,
 * half North East Lincolnshire: {@value #OTHER_LIFECYCLES} more full lifecycles of the same
 * partnership; a twentieth of the rest open referrals (the full {@code startProcessInstanceByKey}:
 * validation, case number, deadlines, child assessment, decisions, letters queued); the others
 * finished notifications (started at "Report the incident to the safeguarding partners", that task
 * completed, the instance ended). Every row of theirs is written by the engine and our listeners,
 * none by the benchmark. <b>Client:</b> a business-unit
 * user of North Lincolnshire over HTTP Basic, one request at a time; every answer is checked (the
 * case, its documents).
 */
final class CaseFileBenchmark {

  static final int OTHER_LIFECYCLES = 4;
  private static final String PARTNERSHIP = "north-lincolnshire";
  private static final ObjectMapper JSON = new ObjectMapper();

  static void run(Results results, boolean quick) throws Exception {
    int others = quick ? 1_000 : 10_000;
    int otherReferrals = (others - OTHER_LIFECYCLES) / 20;
    int otherFinished = others - OTHER_LIFECYCLES - otherReferrals;
    int warmUp = quick ? 20 : 50;
    int measured = quick ? 50 : 300;
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    GreenMail smtp = EngineBenchmark.smtpSink();
    List<String> args = BenchApplication.commonArgs("bench-casefile", EngineBenchmark.database(postgres), "postgres", "postgres");
    args.remove("--camunda.bpm.generate-unique-process-engine-name=true"); // the API's filter uses engine "default"
    args.addAll(BenchApplication.mailSinkArgs(smtp));
    CommitCounter counter = new CommitCounter();
    ConfigurableApplicationContext app = BenchApplication.start(List.of(counter), args.toArray(String[]::new));
    ExecutorService seeders = Executors.newFixedThreadPool(2);
    try {
      BenchUser coordinator = new BenchUser(app, "benchcasecoordinator", CsprGroups.BUSINESS_UNIT, PARTNERSHIP);

      long start = System.nanoTime();
      Lifecycle lifecycle = new Lifecycle(app);
      lifecycle.run();
      lifecycle.verify();
      String reference = lifecycle.caseReference();
      addDocuments(app, coordinator.id, reference);
      double caseSeconds = (System.nanoTime() - start) / 1e9;

      start = System.nanoTime();
      for (int i = 0; i < OTHER_LIFECYCLES; i++) {
        Lifecycle other = new Lifecycle(app);
        other.run();
        other.verify();
      }
      double lifecycleSeconds = (System.nanoTime() - start) / 1e9;
      DashboardBenchmark.Seeder seeder = new DashboardBenchmark.Seeder(app);
      double referralSeconds = DashboardBenchmark.seed(seeders, seeder, otherReferrals, false);
      double finishedSeconds = DashboardBenchmark.seed(seeders, seeder, otherFinished, true);
      long open = app.getBean(RuntimeService.class).createProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).count();
      long ended = app.getBean(HistoryService.class).createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY)
          .finished().count();
      if (open != otherReferrals || ended != otherFinished + OTHER_LIFECYCLES + 1) {
        throw new IllegalStateException("Seeded " + otherReferrals + " referrals and " + otherFinished + " finished cases, found "
            + open + " open and " + ended + " finished notifications");
      }
      Map<String, Object> size = databaseSize(app);
      System.out.printf("[bench] casefile: the case in %.0f s, %d lifecycles in %.0f s, %d referrals in %.0f s, %d finished in %.0f s; %s%n",
          caseSeconds, OTHER_LIFECYCLES, lifecycleSeconds, otherReferrals, referralSeconds, otherFinished, finishedSeconds, size);

      String path = "/api/cases/" + reference;
      JsonNode file = JSON.readTree(coordinator.get(path));
      Map<String, Object> shape = shape(file);
      for (int i = 0; i < warmUp; i++) {
        check(coordinator.get(path), reference);
      }
      double[] ms = new double[measured];
      int bytes = 0;
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      long cpuBefore = os.getProcessCpuTime();
      double loadBefore = os.getSystemLoadAverage();
      for (int i = 0; i < measured; i++) {
        long t0 = System.nanoTime();
        String body = coordinator.get(path);
        ms[i] = (System.nanoTime() - t0) / 1e6;
        bytes = body.length();
        check(body, reference);
      }
      double cpuMsPerAnswer = (os.getProcessCpuTime() - cpuBefore) / 1e6 / measured;
      double loadAfter = os.getSystemLoadAverage();
      long statementsBefore = counter.statements();
      check(coordinator.get(path), reference);
      long statements = counter.statements() - statementsBefore;
      Stats stats = Stats.of(ms);
      String label = String.format("%s (%s) among %,d other cases", reference, describe(shape), others);
      results.row("casefile", "GET /api/cases/{ref} p50 / p95 / max, " + label + " (n=" + stats.n() + ")",
          Results.fmt(stats.median()) + " / " + Results.fmt(stats.p95()) + " / " + Results.fmt(stats.max()) + " ms",
          "p95 < 200 ms", stats.p95() < 200);
      results.row("casefile", "SQL statements per answer (sign-in included) | JVM CPU per answer (server and client)",
          statements + " | " + Results.fmt(cpuMsPerAnswer) + " ms (load average " + Results.fmt(loadBefore) + " before, "
              + Results.fmt(loadAfter) + " after)");
      results.row("casefile", "seeding (engine API)", "the case " + Results.fmt(caseSeconds) + " s, " + OTHER_LIFECYCLES
          + " lifecycles " + Results.fmt(lifecycleSeconds) + " s, " + otherReferrals + " referrals "
          + Results.fmt(referralSeconds) + " s, " + otherFinished + " finished notifications " + Results.fmt(finishedSeconds)
          + " s (2 threads)");
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("database", "embedded PostgreSQL, job executor off, history FULL");
      detail.put("case", reference);
      detail.put("caseShape", shape);
      detail.put("answerBytes", bytes);
      detail.put("statementsPerAnswer", statements);
      detail.put("jvmCpuMsPerAnswer", cpuMsPerAnswer);
      detail.put("loadAverageBeforeAfter", List.of(loadBefore, loadAfter));
      detail.put("otherFullLifecycles", OTHER_LIFECYCLES);
      detail.put("otherReferrals", otherReferrals);
      detail.put("otherFinishedNotifications", otherFinished);
      detail.put("rows", size);
      detail.put("warmUp", warmUp);
      detail.put("caseFileMs", stats.json());
      results.detail("casefile", detail);
    } finally {
      seeders.shutdownNow();
      app.close();
      smtp.stop();
    }
  }

  /** Five documents added to the case by its business unit, as the Case tab adds them. */
  private static void addDocuments(ConfigurableApplicationContext app, String userId, String reference) {
    IdentityService identity = app.getBean(IdentityService.class);
    CaseDocuments documents = app.getBean(CaseDocuments.class);
    identity.setAuthentication(userId, List.of(CsprGroups.BUSINESS_UNIT), List.of(PARTNERSHIP));
    try {
      documents.add(reference, null, "Police agency report.pdf", TestDocuments.pdf("Agency report: police"));
      documents.add(reference, null, "Health agency report.docx", TestDocuments.docx());
      documents.add(reference, null, "Initial scoping template.odt", TestDocuments.odt());
      documents.add(reference, null, "Rapid review report.pdf", TestDocuments.pdf("Rapid review report"));
      documents.add(reference, null, "LCSPR final report.pdf", TestDocuments.pdf("LCSPR final report"));
    } finally {
      identity.clearAuthentication();
    }
  }

  /** What the case file holds: flows, steps done, timeline, deadlines, decisions, messages, letters, documents. */
  private static Map<String, Object> shape(JsonNode file) {
    Map<String, Object> shape = new LinkedHashMap<>();
    int stepsDone = 0;
    for (JsonNode event : file.get("timeline")) {
      stepsDone += event.get("kind").asText().equals("step done") ? 1 : 0;
    }
    int letters = 0;
    for (JsonNode message : file.get("correspondence")) {
      letters += message.get("attachments").size();
    }
    shape.put("flows", file.get("flows").size());
    shape.put("stepsDone", stepsDone);
    shape.put("timeline", file.get("timeline").size());
    shape.put("deadlines", file.get("deadlines").size());
    shape.put("decisions", file.get("decisions").size());
    shape.put("messages", file.get("correspondence").size());
    shape.put("letters", letters);
    shape.put("documents", file.get("documents").size());
    return shape;
  }

  private static String describe(Map<String, Object> shape) {
    return shape.get("stepsDone") + " steps done, " + shape.get("timeline") + " timeline entries, " + shape.get("messages")
        + " e-mails with " + shape.get("letters") + " letters, " + shape.get("documents") + " documents, "
        + shape.get("decisions") + " decisions, " + shape.get("flows") + " flows";
  }

  private static void check(String body, String reference) throws Exception {
    JsonNode file = JSON.readTree(body);
    if (!reference.equals(file.path("caseReference").asText()) || file.path("documents").size() != 5
        || file.path("correspondence").isEmpty()) {
      throw new IllegalStateException("Not the case file of " + reference + ": " + body.substring(0, Math.min(300, body.length())));
    }
  }

  /** Rows of the tables the case file reads, to say how big the database was. */
  private static Map<String, Object> databaseSize(ConfigurableApplicationContext app) {
    HistoryService history = app.getBean(HistoryService.class);
    Map<String, Object> size = new LinkedHashMap<>();
    size.put("processInstances", history.createHistoricProcessInstanceQuery().count());
    size.put("activityInstances", history.createHistoricActivityInstanceQuery().count());
    size.put("taskInstances", history.createHistoricTaskInstanceQuery().count());
    size.put("variableInstances", history.createHistoricVariableInstanceQuery().count());
    size.put("decisionInstances", history.createHistoricDecisionInstanceQuery().count());
    org.springframework.jdbc.core.JdbcTemplate jdbc = app.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
    size.put("outboxMessages", jdbc.queryForObject("SELECT COUNT(*) FROM cspr_outbox_message", Long.class));
    size.put("documents", jdbc.queryForObject("SELECT COUNT(*) FROM cspr_document", Long.class));
    return size;
  }

  private CaseFileBenchmark() {}
}
