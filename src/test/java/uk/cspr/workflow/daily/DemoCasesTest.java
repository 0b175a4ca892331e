package uk.cspr.workflow.daily;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.daily.CaseDeadlines.Deadline;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** Profile demo: the sample cases exist once, in every stage, with near, met and breached deadlines. */
@CsprSpringBootTest
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.enabled=false", DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
class DemoCasesTest {

  /**
   * Demo cases run processes while the context starts, before process test coverage could start
   * recording (it throws "Coverage state must be initialized"): tests with demo cases go without it.
   */
  static final String WITHOUT_PROCESS_COVERAGE =
      "spring.autoconfigure.exclude=org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration";


  @Autowired DemoCases demoCases;
  @Autowired HistoryService history;
  @Autowired DeadlineBoard board;
  @Autowired IdentityService identity;

  @Test
  void everyStageIsCreatedOnceAcrossThePartnerships() {
    List<HistoricProcessInstance> cases = referrals();
    assertThat(cases).as("one referral per stage").hasSize(DemoStages.all().size());
    assertThat(cases).extracting(HistoricProcessInstance::getTenantId).contains(
        DemoStages.NL, DemoStages.NEL, DemoStages.CP, DemoStages.BOLTON);
    assertThat(ClockUtil.getCurrentTime()).isCloseTo(new java.util.Date(), 60_000);

    long instances = history.createHistoricProcessInstanceQuery().count();
    demoCases.createDemoCases(); // a second start-up adds nothing
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
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
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(NotificationProcess.KEY).list();
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
    } finally {
      identity.clearAuthentication();
    }
    long breached = history.createHistoricVariableInstanceQuery().variableName("deadlinesBreached").list().stream()
        .filter(v -> !((List<?>) v.getValue()).isEmpty()).count();
    assertThat(breached).as("cases with a recorded breach").isGreaterThanOrEqualTo(2);
  }
}
