package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.cspr.workflow.correspondence.Correspondence;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.parallel.ParallelReviews;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestReferrals;

/**
 * The deadlines board's index ({@code cspr_case_deadline}) is the case as the engine has it after
 * every change — task completions, a called flow starting, a timer job, a cancellation, two
 * transactions at once — and pages, filters and counts like the board computed case by case. Run on
 * H2 ({@link CaseIndexTest}) and PostgreSQL ({@link CaseIndexPostgresIT}).
 */
@TestPropertySource(properties = "cspr.demo.cases=false")
abstract class CaseIndexScenarios {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired CaseRows rows;
  @Autowired DeadlineBoard board;
  @Autowired DeadlineIndexes indexes;
  @Autowired JdbcTemplate jdbc;
  @Autowired ObjectMapper json;
  @Autowired ParallelReviews parallelReviews;
  @Autowired PlatformTransactionManager transactionManager;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theIndexedRowIsTheCaseAsTheEngineHasItAfterEveryChange() {
    EngineClock.setTo("2027-01-11T10:00"); // Mon
    ProcessInstance notification = runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral("2027-01-11T09:30"));
    String key = notification.getBusinessKey();
    assertIndexedAsComputed(key);
    complete(notification, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    assertIndexedAsComputed(key);
    complete(notification, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NOTIFY_AND_RAPID_REVIEW", "sslRationale", "Met");
    complete(notification, RECORD_PARTNERS_DECISION, "laVote", "NOTIFY_AND_RAPID_REVIEW", "policeVote", "NOTIFY_AND_RAPID_REVIEW",
        "icbVote", "NOTIFY_AND_RAPID_REVIEW", "outcomeRationale", "Criteria met");
    assertIndexedAsComputed(key);
    complete(notification, NOTIFY_PANEL, "panelNotificationSentAt", "2027-01-11T09:55", "panelNotificationReference", "CSIN-1");
    Jobs.executeDue(management, notification.getId()); // the rapid review starts in an asynchronous step
    CaseDeadlines withReview = assertIndexedAsComputed(key);
    assertThat(withReview.flows()).extracting(CaseDeadlines.Flow::processKey).contains(RapidReviewProcess.KEY);

    EngineClock.setTo("2027-03-01T10:00"); // long past the rapid review's deadlines: timers fire
    int fired = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key)
        .processDefinitionKeyNotIn(Correspondence.DELIVERY_PROCESS_KEY).list().stream()
        .mapToInt(instance -> Jobs.executeDue(management, instance.getId())).sum();
    assertThat(fired).isPositive();
    assertIndexedAsComputed(key);

    runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).rootProcessInstances().list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "cancelled in Cockpit"));
    assertThat(stored(key)).as("a case leaves the board with its last open flow").isEmpty();
  }

  @Test
  void pagesComeNearestDeadlineFirstAndStatusFiltersAgreeWithEachRow() {
    EngineClock.setTo("2027-02-01T10:00"); // Mon
    for (String awareAt : List.of("2027-02-01T09:00", "2027-01-27T09:00", "2027-01-29T09:00", "2027-01-20T09:00")) {
      runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral(awareAt));
    }
    EngineClock.setTo("2027-02-02T10:00");
    DeadlineRules rules = rows.rulesNow();
    DeadlineBoard.Board all = board.board("north-lincolnshire", null, rules, 0, 5000);
    assertThat(all.total()).isEqualTo(all.cases().size()).isGreaterThanOrEqualTo(4);
    assertThat(all.cases()).extracting(CaseDeadlines::nearestDueAt)
        .isSortedAccordingTo(java.util.Comparator.nullsLast(java.util.Comparator.<Instant>naturalOrder()));

    List<CaseDeadlines> pageByPage = new java.util.ArrayList<>();
    for (int offset = 0; offset < all.total(); offset += 3) {
      pageByPage.addAll(board.board("north-lincolnshire", null, rules, offset, 3).cases());
    }
    assertThat(pageByPage).extracting(CaseDeadlines::caseReference)
        .containsExactlyElementsOf(all.cases().stream().map(CaseDeadlines::caseReference).toList());

    for (DeadlineStatus status : List.of(DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON, DeadlineStatus.ON_TRACK)) {
      List<String> expected = all.cases().stream().filter(row -> row.status() == status).map(CaseDeadlines::caseReference).toList();
      DeadlineBoard.Board filtered = board.board("north-lincolnshire", status, rules, 0, 5000);
      assertThat(filtered.cases()).as(status.name()).extracting(CaseDeadlines::caseReference).containsExactlyElementsOf(expected);
      assertThat(filtered.total()).isEqualTo(expected.size());
    }
    assertThat(all.cases()).extracting(CaseDeadlines::status).contains(DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON);
  }

  @Test
  void anEmptyIndexIsFilledAtStartUpWithTheSameRowsAndCounts() {
    EngineClock.setTo("2027-03-01T10:00");
    ProcessInstance notification = runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral("2027-03-01T09:00"));
    complete(notification, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    Map<String, Object> before = snapshot();
    assertThat((List<?>) before.get("cases")).isNotEmpty();
    assertThat((List<?>) before.get("outcomes")).isNotEmpty();

    jdbc.update("DELETE FROM cspr_case_deadline");
    jdbc.update("DELETE FROM cspr_duty_outcome");
    indexes.fillIfEmpty();

    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void twoTransactionsChangingOneCaseAtOnceLeaveItsRowWithBothChanges() throws Exception {
    EngineClock.setTo("2027-04-05T10:00"); // Mon
    ProcessInstance notification = runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral("2027-04-05T09:00"));
    String key = notification.getBusinessKey();
    ProcessInstance parallel = parallelReviews.start(key, "north-lincolnshire", Map.of());
    Date movedYjbDeadline = EngineClock.endOf("2027-04-30");
    String informTask = tasks.createTaskQuery().processInstanceId(notification.getId()).taskDefinitionKey(INFORM_PARTNERS)
        .singleResult().getId();

    // Each changes its own flow instance of the case, then both commit at the same moment
    CyclicBarrier bothChanged = new CyclicBarrier(2);
    TransactionTemplate transaction = new TransactionTemplate(transactionManager);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> inform = threads.submit(() -> transaction.executeWithoutResult(status -> {
        tasks.complete(informTask, Map.of("partnersInformedConfirmed", true));
        await(bothChanged);
      }));
      Future<?> moveDeadline = threads.submit(() -> transaction.executeWithoutResult(status -> {
        runtime.setVariable(parallel.getId(), ParallelReviewProcess.Vars.YJB_NOTIFICATION_DUE_AT, movedYjbDeadline);
        await(bothChanged);
      }));
      inform.get(30, TimeUnit.SECONDS);
      moveDeadline.get(30, TimeUnit.SECONDS);
    } finally {
      threads.shutdownNow();
    }

    CaseDeadlines row = assertIndexedAsComputed(key);
    assertThat(row.deadlines()).anySatisfy(d -> {
      assertThat(d.name()).isEqualTo("partnersInformedDueAt");
      assertThat(d.status()).isEqualTo(DeadlineStatus.MET);
    });
    assertThat(row.deadlines()).anySatisfy(d -> {
      assertThat(d.name()).isEqualTo(ParallelReviewProcess.Vars.YJB_NOTIFICATION_DUE_AT);
      assertThat(d.dueAt()).isEqualTo(movedYjbDeadline.toInstant());
    });
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every stored row (as of now) and outcome. */
  private Map<String, Object> snapshot() {
    DeadlineRules rules = rows.rulesNow();
    Map<String, Object> snapshot = new HashMap<>();
    snapshot.put("cases", jdbc.query(
        "SELECT case_reference, tenant_id, process_key, nearest_due_at, case_row FROM cspr_case_deadline ORDER BY case_reference",
        (rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getObject(4)),
            read(rs.getString(5)).asOf(rules))));
    snapshot.put("outcomes", jdbc.queryForList("SELECT * FROM cspr_duty_outcome ORDER BY task_id"));
    return snapshot;
  }

  /** The stored row equals the row computed from the engine now; returns it. */
  private CaseDeadlines assertIndexedAsComputed(String caseReference) {
    DeadlineRules rules = rows.rulesNow();
    CaseDeadlines computed = rows.row(caseReference).orElseThrow().asOf(rules);
    assertThat(stored(caseReference)).as("indexed row of " + caseReference).contains(computed);
    return computed;
  }

  private Optional<CaseDeadlines> stored(String caseReference) {
    DeadlineRules rules = rows.rulesNow();
    return jdbc.queryForList("SELECT case_row FROM cspr_case_deadline WHERE case_reference = ?", String.class, caseReference)
        .stream().findFirst().map(this::read).map(row -> row.asOf(rules));
  }

  private CaseDeadlines read(String row) {
    try {
      return json.readValue(row, CaseDeadlines.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> referral(String awareAt) {
    return TestReferrals.referral("north-lincolnshire", awareAt);
  }

  private void complete(ProcessInstance instance, String taskKey, Object... values) {
    TaskSteps.complete(tasks, instance, taskKey, values);
  }
}
