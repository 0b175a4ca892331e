package uk.cspr.workflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.support.PostgresTestDatabase;

/**
 * Benchmark 7 (issue 19.6): the yearly figures, {@code GET /api/reports/annual}, of a large
 * partnership over five financial years on embedded PostgreSQL: per year 100 referrals (60 notified
 * to the Panel, each with a rapid review and the Panel's answers; 15 local reviews, most published
 * with an action plan, the late ones with delay notices; 20 parallel reviews) and 200 requests about
 * non-serious cases (1,000 in all); a smaller second partnership beside it.
 *
 * <p><b>Seeding through the engine.</b> Every case is a real instance of its flow with the case
 * variables the flows store (the ones the figures read, e.g. {@code outcome},
 * {@code panelNotificationSentAt}, {@code panelExchanges}, {@code actionPlan}): started on its day
 * with the engine clock set to it ({@code createProcessInstanceByKey(...).startBeforeActivity(a user
 * task).execute(true, true)}, the flow's listeners skipped), then, on the day it ended, moved to an
 * end event of the flow ({@code createProcessInstanceModification}: the instance completes there), so the history holds real
 * process, activity, task and variable instances with their start and end times; a case still open
 * today stays at its task. The steps in between are not played (a full lifecycle costs ~0.7 s on this
 * machine, "engine" above): the figures read the case variables and the instances' times, which
 * are what they would be.
 *
 * <p>Each answer is checked against the known counts of what was seeded. The requests interleave,
 * round by round, the five single years and the five-year period, as a {@code managers} user of the
 * partnership (tenant and authorization checks).
 */
final class FiguresBenchmark {

  static final long SEED = 20_261_206L;
  static final String LARGE = "north-lincolnshire";
  static final String SMALL = "north-east-lincolnshire";
  static final int YEARS = 5;
  private static final int BATCH = 50;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A case of one flow: when it started and ended (null: still open) and its case variables. */
  record Case(String processKey, String partnership, Instant start, Instant end, Map<String, Object> variables) {}

  /** What the figures of one year must say. */
  static final class Expected {
    long referrals;
    long notified;
    long rapidReviewsSent;
    long published;
    long delayNotices;
    long actionsDue;
    long requests;
    long parallel;
  }

  static void run(Results results, boolean quick) throws Exception {
    int warmUp = quick ? 2 : 5;
    int rounds = quick ? 5 : 20;
    int firstYear = firstYear();
    EmbeddedPostgres postgres = PostgresTestDatabase.server();
    List<String> args = BenchApplication.commonArgs("bench-figures", EngineBenchmark.database(postgres), "postgres", "postgres");
    args.remove("--camunda.bpm.generate-unique-process-engine-name=true"); // the API's filter uses engine "default"
    ConfigurableApplicationContext app = BenchApplication.start(List.of(), args.toArray(String[]::new));
    try {
      Map<Integer, Expected> expected = new HashMap<>();
      List<Case> cases = new ArrayList<>();
      Random random = new Random(SEED);
      for (int year = firstYear; year < firstYear + YEARS; year++) {
        cases.addAll(year(LARGE, year, 100, 200, random, expected));
        cases.addAll(year(SMALL, year, 20, 40, random, new HashMap<>()));
      }
      long start = System.nanoTime();
      int instances = seed(app, cases);
      double seedSeconds = (System.nanoTime() - start) / 1e9;
      Map<String, Long> rows = historyRows(app);
      System.out.printf("[bench] figures seeded %d instances in %.0f s; history %s%n", instances, seedSeconds, rows);

      BenchUser manager = new BenchUser(app, "benchfiguresmanager", "managers", LARGE);
      String fiveYears = "from=" + firstYear + "-04-01&to=" + (firstYear + YEARS) + "-03-31";
      for (int year = firstYear; year < firstYear + YEARS; year++) {
        check(manager, year, expected.get(year));
      }
      List<Double> yearMs = new ArrayList<>();
      List<Double> periodMs = new ArrayList<>();
      for (int round = 0; round < warmUp + rounds; round++) {
        for (int year = firstYear; year < firstYear + YEARS; year++) {
          double ms = timed(manager, "from=" + year + "-04-01&to=" + (year + 1) + "-03-31");
          if (round >= warmUp) {
            yearMs.add(ms);
          }
        }
        double ms = timed(manager, fiveYears);
        if (round >= warmUp) {
          periodMs.add(ms);
        }
      }
      Stats year = Stats.of(yearMs);
      Stats period = Stats.of(periodMs);
      String size = String.format("%,d instances", instances);
      results.row("figures", "one financial year p50 / p95 / max (" + size + ", n=" + year.n() + ")",
          Results.fmt(year.median()) + " / " + Results.fmt(year.p95()) + " / " + Results.fmt(year.max()) + " ms", "p95 < 1000 ms",
          year.p95() < 1000);
      results.row("figures", "five financial years p50 / p95 / max (n=" + period.n() + ")",
          Results.fmt(period.median()) + " / " + Results.fmt(period.p95()) + " / " + Results.fmt(period.max()) + " ms", "p95 < 1000 ms",
          period.p95() < 1000);
      results.row("figures", "seeding (engine API, one thread, " + BATCH + " per transaction)",
          Results.fmt(seedSeconds) + " s, " + Results.fmt(instances / seedSeconds) + " instances/s");
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("database", "embedded PostgreSQL, job executor off, history FULL");
      detail.put("years", "financial years " + firstYear + "-" + (firstYear + 1) + " to " + (firstYear + YEARS - 1) + "-" + (firstYear + YEARS));
      detail.put("perYear", Map.of(LARGE, "100 referrals, 200 non-serious requests and their reviews", SMALL, "20 referrals, 40 requests"));
      detail.put("instances", instances);
      detail.put("historyRows", rows);
      detail.put("seedSeconds", seedSeconds);
      detail.put("oneYearMs", year.json());
      detail.put("fiveYearsMs", period.json());
      results.detail("figures", detail);
    } finally {
      app.close();
    }
  }

  /** The first of the five whole financial years before the current one. */
  static int firstYear() {
    LocalDate today = LocalDate.now(LONDON);
    int current = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
    return current - YEARS;
  }

  // ------------------------------------------------------------------ the cases of one year

  /** The cases of one partnership's financial year starting 1 April {@code year}, with what its figures must count. */
  static List<Case> year(String partnership, int year, int referrals, int requests, Random random, Map<Integer, Expected> expected) {
    List<Case> cases = new ArrayList<>();
    Instant from = LocalDate.of(year, 4, 1).atStartOfDay(LONDON).toInstant();
    for (int i = 0; i < referrals; i++) {
      Instant aware = from.plus(random.nextInt(360), ChronoUnit.DAYS).plus(9 + random.nextInt(8), ChronoUnit.HOURS);
      count(expected, aware, e -> e.referrals++);
      int kind = random.nextInt(100);
      String outcome = kind < 60 ? "NOTIFY_AND_RAPID_REVIEW" : kind < 85 ? "NO_FURTHER_ACTION" : kind < 95 ? "SINGLE_AGENCY_REVIEW" : "MULTI_AGENCY_REVIEW";
      Map<String, Object> notification = new HashMap<>();
      notification.put(NotificationProcess.Vars.OUTCOME, outcome);
      Instant notificationEnd = aware.plus(3 + random.nextInt(6), ChronoUnit.DAYS);
      if (outcome.equals("NOTIFY_AND_RAPID_REVIEW")) {
        Instant sent = aware.plus(1 + random.nextInt(9), ChronoUnit.DAYS);
        notification.put(NotificationProcess.Vars.PANEL_NOTIFICATION_SENT_AT, Date.from(sent));
        notification.put(NotificationProcess.Vars.PANEL_NOTIFICATION_DUE_AT, Date.from(aware.plus(7, ChronoUnit.DAYS)));
        count(expected, sent, e -> e.notified++);
        notificationEnd = sent;
        cases.addAll(rapidReview(partnership, sent, random, expected));
      }
      cases.add(new Case(NotificationProcess.KEY, partnership, aware, notificationEnd, notification));
      if (random.nextInt(5) == 0) {
        String[][] kinds = {{"DOMESTIC_HOMICIDE_REVIEW", "Domestic homicide review"}, {"MAPPA_SCR_DISCRETIONARY", "MAPPA serious case review"},
            {"YOUTH_JUSTICE_SERIOUS_INCIDENT", "Youth justice serious incident"}};
        String[] review = kinds[random.nextInt(kinds.length)];
        count(expected, aware, e -> e.parallel++);
        cases.add(new Case(ParallelReviewProcess.KEY, partnership, aware, aware.plus(200 + random.nextInt(200), ChronoUnit.DAYS),
            Map.of(ParallelReviewProcess.Vars.PARALLEL_REVIEW_RECORDS, CaseData.json(List.of(Map.of(
                ParallelReviewProcess.Vars.REVIEW, review[0], ParallelReviewProcess.Vars.REVIEW_NAME, review[1]))))));
      }
    }
    for (int i = 0; i < requests; i++) {
      Instant received = from.plus(random.nextInt(364), ChronoUnit.DAYS).plus(9 + random.nextInt(8), ChronoUnit.HOURS);
      count(expected, received, e -> e.requests++);
      String[] decisions = {"NOT_AGREED", "SINGLE_AGENCY_REVIEW", "MULTI_AGENCY_LEARNING_REVIEW", "NOT_AGREED"};
      cases.add(new Case(NonSeriousCaseRequestProcess.KEY, partnership, received, received.plus(10 + random.nextInt(20), ChronoUnit.DAYS),
          Map.of(NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION, decisions[random.nextInt(decisions.length)])));
    }
    return cases;
  }

  /** A rapid review from the notification, its Panel answers, and for one in four a local review. */
  private static List<Case> rapidReview(String partnership, Instant notified, Random random, Map<Integer, Expected> expected) {
    List<Case> cases = new ArrayList<>();
    Instant sent = notified.plus(14 + random.nextInt(16), ChronoUnit.DAYS);
    count(expected, sent, e -> e.rapidReviewsSent++);
    Map<String, Object> review = new HashMap<>();
    review.put(RapidReviewProcess.Vars.PANEL_NOTIFICATION_SENT_AT, Date.from(notified));
    review.put(RapidReviewProcess.Vars.SENT_AT, Date.from(sent));
    review.put(RapidReviewProcess.Vars.DUE_AT, Date.from(notified.plus(21, ChronoUnit.DAYS)));
    Instant answered = sent.plus(15 + random.nextInt(15), ChronoUnit.DAYS);
    List<Map<String, Object>> exchanges = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      exchanges.add(Map.of(PanelDecisionProcess.Vars.PANEL_ANSWER, "FURTHER_INFORMATION_REQUESTED",
          PanelDecisionProcess.Vars.PANEL_ANSWERED_AT, answered.toString()));
      answered = answered.plus(20, ChronoUnit.DAYS);
    }
    boolean national = random.nextInt(15) == 0;
    exchanges.add(Map.of(PanelDecisionProcess.Vars.PANEL_ANSWER, national ? "NATIONAL_REVIEW" : "LOCAL_DECISION_STANDS",
        PanelDecisionProcess.Vars.PANEL_ANSWERED_AT, answered.toString()));
    cases.add(new Case(PanelDecisionProcess.KEY, partnership, sent, answered,
        Map.of(PanelDecisionProcess.Vars.PANEL_EXCHANGES, CaseData.json(exchanges))));
    cases.add(new Case(RapidReviewProcess.KEY, partnership, notified, answered, review));
    if (!national && random.nextInt(4) == 0) {
      cases.add(lcspr(partnership, answered, sent, random, expected));
    }
    return cases;
  }

  /** A local review decided when the rapid review was sent: most published within 6 months with an action plan, some late with delay notices. */
  private static Case lcspr(String partnership, Instant started, Instant decided, Random random, Map<Integer, Expected> expected) {
    Instant due = decided.atZone(LONDON).plusMonths(6).toInstant();
    Map<String, Object> review = new HashMap<>();
    review.put(LcsprProcess.Vars.STATUTORY, true);
    review.put(LcsprProcess.Vars.LCSPR_DECIDED_AT, Date.from(decided));
    review.put(LcsprProcess.Vars.PUBLICATION_DUE_AT, Date.from(due));
    boolean late = random.nextInt(4) == 0;
    Instant published = decided.plus(late ? 200 + random.nextInt(90) : 120 + random.nextInt(55), ChronoUnit.DAYS);
    review.put(LcsprProcess.Vars.PUBLISHED_AT, Date.from(published));
    count(expected, published, e -> e.published++);
    List<Map<String, Object>> notices = new ArrayList<>();
    if (late) {
      for (Instant notice = due.minus(10, ChronoUnit.DAYS); notice.isBefore(published); notice = notice.plus(60, ChronoUnit.DAYS)) {
        notices.add(Map.of("sentAt", notice.toString(), "reasons", "Criminal proceedings"));
        count(expected, notice, e -> e.delayNotices++);
      }
    }
    review.put(LcsprProcess.Vars.DELAY_NOTICES, CaseData.json(notices));
    List<Map<String, Object>> actions = new ArrayList<>();
    String[] statuses = {"COMPLETE", "IN_PROGRESS", "NOT_STARTED"};
    for (int a = 0, n = 3 + random.nextInt(4); a < n; a++) {
      LocalDate dueDate = LocalDate.ofInstant(published, LONDON).plusDays(30 + random.nextInt(300));
      actions.add(Map.of("action", "Action " + (a + 1), "owner", "Head of safeguarding", "dueDate", dueDate.toString(),
          "status", statuses[random.nextInt(3)]));
      count(expected, dueDate.atStartOfDay(LONDON).toInstant(), e -> e.actionsDue++);
    }
    review.put(LcsprProcess.Vars.ACTION_PLAN, CaseData.json(actions));
    return new Case(LcsprProcess.KEY, partnership, started, published.plus(330, ChronoUnit.DAYS), review);
  }

  /** Counts an event in the financial year it happened in (London). */
  private static void count(Map<Integer, Expected> expected, Instant when, java.util.function.Consumer<Expected> add) {
    LocalDate day = LocalDate.ofInstant(when, LONDON);
    int year = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    add.accept(expected.computeIfAbsent(year, y -> new Expected()));
  }

  // ------------------------------------------------------------------ seeding

  /** Where each flow's seeded instance waits while open, the end event it then reaches, and the deadline its waiting step reads. */
  private static final Map<String, String[]> WAIT_AND_END = Map.of(
      NotificationProcess.KEY, new String[] {NotificationProcess.Elements.REPORT_TO_PARTNERS, "endEvent_dutiesDischarged",
          NotificationProcess.Vars.PARTNERS_REPORT_DUE_AT},
      RapidReviewProcess.KEY, new String[] {"userTask_recordMeeting", "endEvent_learningDisseminated", RapidReviewProcess.Vars.MEETING_DUE_AT},
      PanelDecisionProcess.KEY, new String[] {"userTask_recordPanelAnswer", "endEvent_localDecisionStands",
          PanelDecisionProcess.Vars.PANEL_ANSWER_DUE_AT},
      LcsprProcess.KEY, new String[] {LcsprProcess.Elements.PUBLISH_REPORT, "endEvent_reviewClosed", LcsprProcess.Vars.PLANNED_PUBLICATION_DATE},
      NonSeriousCaseRequestProcess.KEY, new String[] {"userTask_decideReview", "endEvent_requestNotAgreed",
          NonSeriousCaseRequestProcess.Vars.PARTNERS_DECISION_DUE_AT},
      ParallelReviewProcess.KEY, new String[] {"userTask_recordFacts", "endEvent_parallelProcessesClosed", null});

  /**
   * Starts every case on its day, then ends those that ended before now on theirs, in time order
   * (the engine clock is global, so one thread), {@value #BATCH} per transaction.
   */
  static int seed(ConfigurableApplicationContext app, List<Case> cases) {
    RuntimeService runtime = app.getBean(RuntimeService.class);
    TransactionTemplate transaction = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
    Instant now = Instant.now();
    record Step(Instant at, Case which, boolean start) {}
    List<Step> steps = new ArrayList<>();
    for (Case c : cases) {
      steps.add(new Step(c.start(), c, true));
      if (c.end() != null && c.end().isBefore(now)) {
        steps.add(new Step(c.end(), c, false));
      }
    }
    steps.sort(Comparator.comparing(Step::at));
    Map<Case, String> ids = new HashMap<>();
    Map<String, Integer> endedEarly = new java.util.TreeMap<>();
    long serial = 0;
    long started = System.nanoTime();
    try {
      for (int done = 0; done < steps.size(); done += BATCH) {
        List<Step> batch = steps.subList(done, Math.min(steps.size(), done + BATCH));
        long first = serial;
        transaction.executeWithoutResult(status -> {
          long n = first;
          for (Step step : batch) {
            ClockUtil.setCurrentTime(Date.from(step.at()));
            String[] waitAndEnd = WAIT_AND_END.get(step.which().processKey());
            if (step.start()) {
              Map<String, Object> variables = new HashMap<>(step.which().variables());
              variables.put("partnership", step.which().partnership());
              String reference = "BENCH-" + step.which().processKey() + "-" + (++n);
              variables.put("caseReference", reference);
              if (waitAndEnd[2] != null) {
                Instant due = step.at().plus(5, ChronoUnit.DAYS);
                variables.put(waitAndEnd[2], waitAndEnd[2].equals(LcsprProcess.Vars.PLANNED_PUBLICATION_DATE)
                    ? LocalDate.ofInstant(due, LONDON).toString() : Date.from(due));
              }
              ids.put(step.which(), runtime.createProcessInstanceByKey(step.which().processKey()).businessKey(reference)
                  .setVariables(variables).startBeforeActivity(waitAndEnd[0]).execute(true, true).getId());
            } else {
              // Reaching the end event ends the instance (its waiting task goes with it); should a flow keep it, it is cancelled
              String id = ids.get(step.which());
              if (runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0) {
                endedEarly.merge(step.which().processKey(), 1, Integer::sum);
                continue;
              }
              runtime.createProcessInstanceModification(id).startBeforeActivity(waitAndEnd[1]).execute(true, true);
              if (runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
                runtime.createProcessInstanceModification(id).cancelAllForActivity(waitAndEnd[0]).execute(true, true);
              }
            }
          }
        });
        serial += batch.stream().filter(Step::start).count();
        if ((done / BATCH) % 20 == 0) {
          System.out.printf("[bench] figures seeding: %d of %d steps in %.0f s%n", done + batch.size(), steps.size(),
              (System.nanoTime() - started) / 1e9);
        }
      }
      if (!endedEarly.isEmpty()) {
        System.out.println("[bench] figures: instances that had ended before their end step: " + endedEarly);
      }
    } finally {
      ClockUtil.reset();
    }
    return ids.size();
  }

  private static Map<String, Long> historyRows(ConfigurableApplicationContext app) {
    HistoryService history = app.getBean(HistoryService.class);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("processInstances", history.createHistoricProcessInstanceQuery().count());
    rows.put("finishedProcessInstances", history.createHistoricProcessInstanceQuery().finished().count());
    rows.put("activityInstances", history.createHistoricActivityInstanceQuery().count());
    rows.put("variableInstances", history.createHistoricVariableInstanceQuery().count());
    rows.put("taskInstances", history.createHistoricTaskInstanceQuery().count());
    return rows;
  }

  // ------------------------------------------------------------------ requests

  private static double timed(BenchUser manager, String period) throws Exception {
    long start = System.nanoTime();
    String body = manager.get("/api/reports/annual?partnership=" + LARGE + "&" + period);
    double ms = (System.nanoTime() - start) / 1e6;
    if (!body.contains("\"referralsReceived\"")) {
      throw new IllegalStateException("No figures for " + period + ": " + body);
    }
    return ms;
  }

  /** The year's figures count exactly what was seeded in it. */
  private static void check(BenchUser manager, int year, Expected e) throws Exception {
    JsonNode sections = JSON.readTree(manager.get("/api/reports/annual?partnership=" + LARGE + "&from=" + year + "-04-01&to="
        + (year + 1) + "-03-31")).path("sections");
    long actions = 0;
    for (JsonNode count : sections.path("actions").path("dueByStatus")) {
      actions += count.asLong();
    }
    long parallel = 0;
    for (JsonNode count : sections.path("parallelReviews").path("byKind")) {
      parallel += count.asLong();
    }
    Map<String, long[]> compared = new LinkedHashMap<>();
    compared.put("referrals", new long[] {e.referrals, sections.path("notifications").path("referralsReceived").asLong()});
    compared.put("Panel notifications", new long[] {e.notified, sections.path("notifications").path("panelNotifications").asLong()});
    compared.put("rapid reviews sent", new long[] {e.rapidReviewsSent, sections.path("rapidReviews").path("submittedToPanel").asLong()});
    compared.put("published", new long[] {e.published, sections.path("lcsprs").path("published").asLong()});
    compared.put("delay notices", new long[] {e.delayNotices, sections.path("delayNotices").path("sent").asLong()});
    compared.put("actions due", new long[] {e.actionsDue, actions});
    compared.put("requests", new long[] {e.requests, sections.path("nonSeriousRequests").path("received").asLong()});
    compared.put("parallel reviews", new long[] {e.parallel, parallel});
    compared.forEach((name, pair) -> {
      if (pair[0] != pair[1]) {
        throw new IllegalStateException("Financial year " + year + ": " + name + " seeded " + pair[0] + ", figures say " + pair[1]);
      }
    });
    System.out.printf("[bench] figures %d-%d match the seeded cases: %s%n", year, year + 1,
        compared.entrySet().stream().map(en -> en.getKey() + " " + en.getValue()[1]).toList());
  }

  private FiguresBenchmark() {}
}
