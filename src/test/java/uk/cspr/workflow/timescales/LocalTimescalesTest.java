package uk.cspr.workflow.timescales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.support.CsprSpringBootTest;

/** The {@code localTimescales} bean against the decision the application deploys from {@code dmn/}. */
@CsprSpringBootTest
class LocalTimescalesTest {

  @Autowired LocalTimescales localTimescales;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void northLincolnshireHoldsTheRapidReviewMeetingWithinSixWorkingDays() {
    // NL Appendix 1 Flowchart 2: 'Within 6 working days of decision to undertake a rapid review'
    assertThat(localTimescales.workingDays("north-lincolnshire", "rapidReview.meeting")).isEqualTo(6);
  }

  @Test
  void cambridgeshirePeterboroughHoldsItByTheTwelfthWorkingDay() {
    // C&P 'Setting the date for the Rapid Review Meeting': between 8 and 12 working days
    assertThat(localTimescales.workingDays("cambridgeshire-peterborough", "rapidReview.meeting")).isEqualTo(12);
    assertThat(localTimescales.workingDays("cambridgeshire-peterborough", "rapidReview.meetingEarliest")).isEqualTo(8);
  }

  @Test
  void aPartnershipWithoutItsOwnRowGetsTheDefault() {
    assertThat(localTimescales.workingDays("bolton", "rapidReview.meeting")).isEqualTo(6);
    assertThat(localTimescales.workingDays("a-partnership-not-configured", "notification.dspDecision")).isEqualTo(4);
    assertThat(localTimescales.workingDays(null, "rapidReview.signOff")).isEqualTo(15);
  }

  @Test
  void anUnknownStepFailsNamingThePartnershipAndTheStep() {
    assertThatThrownBy(() -> localTimescales.workingDays("north-lincolnshire", "rapidReview.noSuchStep"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("north-lincolnshire")
        .hasMessageContaining("rapidReview.noSuchStep");
  }

  @Test
  void aMissingStepIsRejected() {
    assertThatThrownBy(() -> localTimescales.workingDays("bolton", " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bolton");
  }

  /** A partnership may deploy its own version of the table; only that partnership uses it. */
  @Test
  void aPartnershipsOwnDeployedVersionWinsForThatPartnershipOnly() {
    Deployment deployment =
        repositoryService
            .createDeployment()
            .name("bolton local timescales (test)")
            .tenantId("bolton")
            .addString("localTimescales.dmn", boltonTable())
            .deploy();
    try {
      assertThat(localTimescales.workingDays("bolton", "rapidReview.meeting")).isEqualTo(7);
      assertThatThrownBy(() -> localTimescales.workingDays("bolton", "rapidReview.signOff"))
          .as("the tenant's table replaces the shared one, so it must hold every step it needs")
          .isInstanceOf(IllegalStateException.class);
      assertThat(localTimescales.workingDays("north-lincolnshire", "rapidReview.meeting")).isEqualTo(6);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  /**
   * The way flows use the bean: an expression evaluated while a task worker completes a task. The
   * worker holds no permission on decision definitions; the engine does not check authorizations
   * for expressions and delegates (authorizationEnabledForCustomCode is off), so this works.
   */
  @Test
  void worksInABpmnExpressionRunByATaskWorkerWithoutDecisionPermissions() {
    BpmnModelInstance probe =
        Bpmn.createExecutableProcess("localTimescalesProbe")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .userTask("userTask_recordSslRecommendation")
            .camundaCandidateGroups("safeguarding-senior-leads")
            .serviceTask("serviceTask_computeMeetingDeadline")
            .camundaExpression(
                "${execution.setVariable('meetingDays', localTimescales.workingDays(partnership, 'rapidReview.meeting'))}")
            .userTask("userTask_holdMeeting")
            .endEvent()
            .done();
    Deployment deployment =
        repositoryService.createDeployment().addModelInstance("localTimescalesProbe.bpmn", probe).deploy();
    try {
      ProcessInstance instance =
          runtimeService.startProcessInstanceByKey(
              "localTimescalesProbe", Map.of("partnership", "cambridgeshire-peterborough"));
      String taskId = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
      identityService.setAuthentication(
          "ssl-probe", List.of("safeguarding-senior-leads"), List.of("cambridgeshire-peterborough"));
      try {
        taskService.complete(taskId);
      } finally {
        identityService.clearAuthentication();
      }
      assertThat(runtimeService.getVariable(instance.getId(), "meetingDays")).isEqualTo(12);
    } finally {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  private static String boltonTable() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
            xmlns:camunda="http://camunda.org/schema/1.0/dmn"
            id="Definitions_boltonTimescales" name="Bolton timescales" namespace="http://cspr.uk/test">
          <decision id="localTimescales" name="Local timescales (Bolton test)" camunda:historyTimeToLive="P1D">
            <decisionTable id="DecisionTable_bolton" hitPolicy="FIRST">
              <input id="Input_partnership" label="Partnership">
                <inputExpression id="InputExpression_partnership" typeRef="string"><text>partnership</text></inputExpression>
              </input>
              <input id="Input_step" label="Step">
                <inputExpression id="InputExpression_step" typeRef="string"><text>step</text></inputExpression>
              </input>
              <output id="Output_workingDays" label="Working days" name="workingDays" typeRef="integer" />
              <rule id="Rule_meeting">
                <inputEntry id="UnaryTests_1"><text>-</text></inputEntry>
                <inputEntry id="UnaryTests_2"><text>"rapidReview.meeting"</text></inputEntry>
                <outputEntry id="LiteralExpression_1"><text>7</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """;
  }
}
