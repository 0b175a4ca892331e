package uk.cspr.workflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import uk.cspr.workflow.notification.BenchReferrals;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmark 4: the Tasklist path. The application runs on a random port on embedded PostgreSQL with
 * its job executor on (letters are delivered in the background to an in-process SMTP sink, as in
 * production). Notification cases are started, each waiting at "Inform the delegated safeguarding
 * partners" (its completion renders and queues two letters). Two concurrent clients
 * ({@code java.net.http.HttpClient}, HTTP Basic as a business-unit coordinator) each take the next
 * task, claim it and complete it with its form variables through {@code /engine-rest}.
 */
final class TasklistBenchmark {

  static void run(Results results, boolean quick) throws Exception {
    int warmUp = quick ? 10 : 200;
    int perClient = quick ? 15 : 100;
    int clients = 2;
    GreenMail smtp = EngineBenchmark.smtpSink();
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    List<String> args = BenchApplication.commonArgs("bench-tasklist", EngineBenchmark.database(postgres), "postgres", "postgres");
    args.set(args.indexOf("--camunda.bpm.job-execution.enabled=false"), "--camunda.bpm.job-execution.enabled=true");
    args.remove("--camunda.bpm.generate-unique-process-engine-name=true"); // /engine-rest serves engine "default"
    args.addAll(BenchApplication.mailSinkArgs(smtp));
    ConfigurableApplicationContext app = BenchApplication.start(List.of(), args.toArray(String[]::new));
    try {
      BenchUser coordinator = new BenchUser(app, "benchcoordinator", "business-unit", "north-lincolnshire");
      ConcurrentLinkedQueue<String> taskIds = new ConcurrentLinkedQueue<>(seed(app, warmUp + clients * perClient));

      for (int i = 0; i < warmUp; i++) {
        claimAndComplete(coordinator, taskIds.poll());
      }
      List<double[]> samples = Collections.synchronizedList(new ArrayList<>());
      CountDownLatch done = new CountDownLatch(clients);
      List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        Thread client = new Thread(() -> {
          try {
            for (int i = 0; i < perClient; i++) {
              samples.add(claimAndComplete(coordinator, taskIds.poll()));
            }
          } catch (Throwable e) {
            failures.add(e);
          } finally {
            done.countDown();
          }
        }, "tasklist-client-" + c);
        client.start();
      }
      done.await();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (!failures.isEmpty()) {
        throw new IllegalStateException("Tasklist client failed", failures.get(0));
      }
      Stats total = Stats.of(samples.stream().mapToDouble(s -> s[0] + s[1]).toArray());
      Stats claim = Stats.of(samples.stream().mapToDouble(s -> s[0]).toArray());
      Stats complete = Stats.of(samples.stream().mapToDouble(s -> s[1]).toArray());
      results.row("tasklist", "claim + complete p50 / p95 (2 clients, n=" + total.n() + ")",
          Results.fmt(total.median()) + " / " + Results.fmt(total.p95()) + " ms", "p95 < 100 ms", total.p95() < 100);
      results.row("tasklist", "claim p50 / p95 | complete p50 / p95",
          Results.fmt(claim.median()) + " / " + Results.fmt(claim.p95()) + " | " + Results.fmt(complete.median()) + " / "
              + Results.fmt(complete.p95()) + " ms");
      results.row("tasklist", "completions per second (2 clients)", Results.fmt(samples.size() / seconds));
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("database", "embedded PostgreSQL, job executor on, letters delivered to an in-process SMTP sink");
      detail.put("task", "userTask_informPartners (completion renders and queues 2 PDF letters)");
      detail.put("warmUpTasks", warmUp);
      detail.put("claimPlusCompleteMs", total.json());
      detail.put("claimMs", claim.json());
      detail.put("completeMs", complete.json());
      detail.put("completionsPerSecond", samples.size() / seconds);
      results.detail("tasklist", detail);
    } finally {
      app.close();
      smtp.stop();
    }
  }

  /** Cases waiting at "inform partners"; returns their task ids. */
  private static List<String> seed(ConfigurableApplicationContext app, int count) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TaskService tasks = app.getBean(TaskService.class);
    List<String> ids = new ArrayList<>();
    // The job executor runs on the real clock here: the referral is from an hour ago, so no deadline is due
    java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/London"));
    Map<String, Object> dates = Map.of(
        "incidentDate", now.minusDays(1).toLocalDate().toString(),
        "awareOfIncidentAt", now.minusHours(1).withSecond(0).withNano(0).toString());
    for (int i = 0; i < count; i++) {
      ProcessInstance instance = runtime.startProcessInstanceByKey(NotificationProcess.KEY, BenchReferrals.referral(dates));
      ids.add(tasks.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(NotificationProcess.Elements.INFORM_PARTNERS).singleResult().getId());
    }
    return ids;
  }

  /** Returns {claim ms, complete ms}. */
  private static double[] claimAndComplete(BenchUser coordinator, String taskId) throws Exception {
    long start = System.nanoTime();
    coordinator.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\":\"" + coordinator.id + "\"}");
    long claimed = System.nanoTime();
    coordinator.post("/engine-rest/task/" + taskId + "/complete",
        "{\"variables\":{\"partnersInformedConfirmed\":{\"value\":true,\"type\":\"Boolean\"}}}");
    long completed = System.nanoTime();
    return new double[] {(claimed - start) / 1e6, (completed - claimed) / 1e6};
  }

  private TasklistBenchmark() {}
}
