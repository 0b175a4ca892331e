package uk.cspr.workflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.cases.CaseDeadlines;
import uk.cspr.workflow.cases.CaseDeadlines.Deadline;
import uk.cspr.workflow.cases.DeadlineBoard;
import uk.cspr.workflow.cases.DeadlineStatus;
import uk.cspr.workflow.config.ProcessKeys;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** Profile demo: the sample cases exist once, in every stage, with near, met and breached deadlines. */
@CsprSpringBootTest
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.enabled=false", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
public class DemoCasesTest {

  /**
   * Demo cases run processes while the context starts, before process test coverage could start
   * recording (it throws "Coverage state must be initialized"): tests with demo cases go without it.
   */
  public static final String WITHOUT_PROCESS_COVERAGE =
      "spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";


  @Autowired DemoCases demoCases;
  @Autowired HistoryService history;
  @Autowired DeadlineBoard board;
  @Autowired IdentityService identity;
  @Autowired TaskService tasks;

  @Test
  void everyStageIsCreatedOnceAcrossThePartnerships() {
    assertThat(demoCases.skipped()).as("stages that failed and were skipped").isEmpty();
    // 11 notification stages, 3 rapid review, 4 LCSPR, 2 parallel reviews: each a referral
    assertThat(referrals()).as("referrals").hasSize(20);
    // 2 from notification outcome (a), 3 rapid review stages, 4 LCSPR stages
    assertThat(cases(ProcessKeys.RAPID_REVIEW)).as("rapid reviews").hasSize(9);
    // 4 statutory from a rapid review, 1 non-statutory from a non-serious case request
    assertThat(cases(ProcessKeys.LCSPR)).as("local reviews").hasSize(5);
    // outcomes (c) and (d) of the notification, 2 requests
    assertThat(cases(ProcessKeys.NON_SERIOUS_CASE_REQUEST)).as("non-serious case requests").hasSize(4);
    // one per referral once the partners are informed: 9 notification stages, 3 rapid review, 4 LCSPR, 2 parallel
    assertThat(cases(ProcessKeys.PARALLEL_REVIEW_INTERFACE)).as("parallel review interfaces").hasSize(18);
    assertThat(DemoStages.all()).hasSize(22);
    for (String flow : List.of(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, ProcessKeys.RAPID_REVIEW, ProcessKeys.LCSPR,
        ProcessKeys.NON_SERIOUS_CASE_REQUEST, ProcessKeys.PARALLEL_REVIEW_INTERFACE)) {
      assertThat(cases(flow)).as(flow + " across the partnerships").extracting(HistoricProcessInstance::getTenantId)
          .containsAnyOf(DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON);
    }
    assertThat(referrals()).extracting(HistoricProcessInstance::getTenantId).contains(
        DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON);
    assertThat(cases(ProcessKeys.RAPID_REVIEW)).extracting(HistoricProcessInstance::getTenantId).contains(
        DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON);
    assertThat(cases(ProcessKeys.LCSPR)).extracting(HistoricProcessInstance::getTenantId).contains(
        DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON);
    assertThat(ClockUtil.getCurrentTime()).isCloseTo(new java.util.Date(), 60_000);

    long instances = history.createHistoricProcessInstanceQuery().count();
    demoCases.createDemoCases(); // a second start-up adds nothing
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
  }

  /** Demo cases record their themes, so a later meeting of the same partnership is offered their recurrence (issue 19.2). */
  @Test
  void theDemoShowsThemesRecurring() {
    assertThat(history.createHistoricVariableInstanceQuery().variableName("recurrentThemesOffered").list())
        .as("meetings offered recurrent themes").anySatisfy(offered -> assertThat(offered.getValue()).isEqualTo(true));
    assertThat(history.createHistoricVariableInstanceQuery().variableName("caseThemes").processDefinitionKey(ProcessKeys.LCSPR).count())
        .as("final reports record the themes again").isPositive();
  }

  @Test
  void eachOutcomeIsReached() {
    Set<String> ends = new HashSet<>();
    history.createHistoricActivityInstanceQuery().activityType("noneEndEvent").finished().list()
        .forEach(end -> ends.add(end.getActivityId()));
    assertThat(ends).contains(NotificationProcess.Elements.END_NO_FURTHER_ACTION);
    // outcome (a): the Panel is notified and the rapid review runs; (c) and (d): the learning review request
    assertThat(history.createHistoricActivityInstanceQuery().activityId(NotificationProcess.Elements.CALL_RAPID_REVIEW).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(history.createHistoricActivityInstanceQuery().activityId(NotificationProcess.Elements.CALL_LEARNING_REVIEW).count())
        .isGreaterThanOrEqualTo(2);
  }

  private List<HistoricProcessInstance> referrals() {
    return cases(NotificationProcess.KEY);
  }

  private List<HistoricProcessInstance> cases(String processKey) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).list();
  }

  @Test
  void theOtherFlowsShowTheirStages() {
    // rapid review: a late agency report being chased, the Panel's answer being chased
    assertThat(openTasks(RapidReviewProcess.Elements.CHASE_AGENCY_REPORT)).isEqualTo(1);
    assertThat(openTasks(RapidReviewProcess.Elements.WRITE_CHAIR_REPORT)).isEqualTo(1);
    assertThat(openTasks(PanelDecisionProcess.Elements.CHASE_PANEL)).isEqualTo(1);
    // LCSPR: commissioning, a progress request, the report sent to the Panel, a delay notice
    assertThat(openTasks(LcsprProcess.Elements.COMMISSION_REVIEWER)).isEqualTo(1);
    assertThat(openTasks(LcsprProcess.Elements.REPORT_PROGRESS)).isGreaterThanOrEqualTo(1);
    assertThat(passed(LcsprProcess.Elements.SEND_FINAL_REPORT_TO_PANEL)).isEqualTo(1);
    assertThat(passed(LcsprProcess.Elements.SEND_DELAY_NOTICE_WHEN_OVERDUE)).isEqualTo(1);
    // non-serious: the SSL recommendation awaited, family consent to a non-statutory review awaited
    assertThat(openTasks(NonSeriousCaseRequestProcess.Elements.RECOMMEND_REVIEW)).isGreaterThanOrEqualTo(1);
    assertThat(openTasks(LcsprProcess.Elements.RECORD_FAMILY_CONSENT)).isEqualTo(1);
    // parallel reviews: the YJB notification overdue, a domestic homicide review tracked
    assertThat(openTasks(ParallelReviewProcess.Elements.NOTIFY_YOUTH_JUSTICE_BOARD)).isEqualTo(1);
    assertThat(openTasks(ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED)).isEqualTo(1);
  }

  private long openTasks(String taskKey) {
    return tasks.createTaskQuery().taskDefinitionKey(taskKey).count();
  }

  private long passed(String activityId) {
    return history.createHistoricActivityInstanceQuery().activityId(activityId).finished().count();
  }

  @Test
  void theBoardShowsNearMetLateAndBreachedDeadlines() {
    identity.setAuthentication("demo", List.of(CsprGroups.ADMIN), List.copyOf(Set.of(DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON)));
    try {
      List<CaseDeadlines> open = board.board(null, null, 0, 500).cases();
      assertThat(open).extracting(CaseDeadlines::status).contains(DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON);
      Set<DeadlineStatus> statuses = new HashSet<>();
      open.forEach(row -> row.deadlines().stream().map(Deadline::status).forEach(statuses::add));
      assertThat(statuses).contains(DeadlineStatus.OVERDUE, DeadlineStatus.DUE_SOON, DeadlineStatus.MET, DeadlineStatus.LATE);
      assertThat(open.get(0).status()).isEqualTo(DeadlineStatus.OVERDUE);
      // The LCSPRs called from a rapid review hold copies of its deadlines: only the rapid review shows them
      assertThat(open).flatExtracting(CaseDeadlines::deadlines)
          .filteredOn(d -> d.name().equals(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT)
              || d.name().equals(RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT))
          .extracting(Deadline::processKey).containsOnly(ProcessKeys.RAPID_REVIEW);
      open.stream().filter(row -> row.flows().stream().anyMatch(f -> f.processKey().equals(ProcessKeys.LCSPR)))
          .forEach(row -> assertThat(row.deadlines()).as(row.caseReference()).extracting(Deadline::name)
              .doesNotContain(RapidReviewProcess.Vars.AGENCY_REPORT_CHASER_DUE_AT, RapidReviewProcess.Vars.FOLLOW_UP_DUE_AT)
              .doesNotHaveDuplicates());
    } finally {
      identity.clearAuthentication();
    }
    long breached = history.createHistoricVariableInstanceQuery().variableName("deadlinesBreached").list().stream()
        .filter(v -> !((List<?>) v.getValue()).isEmpty()).count();
    assertThat(breached).as("cases with a recorded breach").isGreaterThanOrEqualTo(2);
  }
}
