package uk.cspr.workflow.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doCallRealMethod;
import static org.mockito.Mockito.doThrow;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestReferrals;

/** The deadlines board never stops a statutory step: a row that cannot be computed stays as it was. */
@CsprSpringBootTest
@TestPropertySource(properties = "cspr.demo.cases=false")
class CaseIndexFaultTest {

  @MockitoSpyBean CaseRows rows;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void heal() {
    doCallRealMethod().when(rows).row(org.mockito.ArgumentMatchers.anyString());
  }

  @Test
  void aRowThatCannotBeComputedStaysAsItWasAndTheStepCompletes() {
    ProcessInstance notification = runtime.startProcessInstanceByKey(NotificationProcess.KEY, TestReferrals.referral("north-lincolnshire"));
    String key = notification.getBusinessKey();
    String before = storedRow(key);
    doThrow(new IllegalStateException("board fault")).when(rows).row(key);

    TaskSteps.complete(tasks, notification, INFORM_PARTNERS, "partnersInformedConfirmed", true);

    assertThat(tasks.createTaskQuery().processInstanceId(notification.getId()).taskDefinitionKey(RECORD_SSL_RECOMMENDATION).count())
        .as("the step completed and the flow moved on").isOne();
    assertThat(storedRow(key)).as("the row stays as it was").isEqualTo(before);
  }

  private String storedRow(String caseReference) {
    return jdbc.queryForObject("SELECT case_row FROM cspr_case_deadline WHERE case_reference = ?", String.class, caseReference);
  }
}
