package uk.cspr.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.cases.CaseVariables;

/**
 * {@code ${workingDays.deadline(awareOfIncidentAt, 5)}} as a user task's due date and a boundary
 * timer's date (CONVENTIONS: deadlines in expressions call the calendar bean). Run on H2 by {@link
 * WorkingDaysExpressionProcessTest} and on PostgreSQL by {@link DeadlineExpressionPostgresIT}.
 */
abstract class DeadlineExpressionScenarios {

  static final String MODEL = "bpmn/workingDaysExpression.bpmn";
  static final String PROCESS_KEY = "workingDaysExpressionTest";
  static final String AWARE_OF_INCIDENT_AT = "awareOfIncidentAt";
  static final String NOTIFY_PANEL = "userTask_notifyPanel";
  static final String ESCALATE = "userTask_escalateOverdueNotification";
  static final String PARTNERSHIP = "north-lincolnshire";

  @Autowired ProcessEngine processEngine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired WorkingDays workingDays;

  private String deploymentId;

  @BeforeEach
  void deploy() {
    AbstractAssertions.init(processEngine);
    deploymentId = repositoryService.createDeployment().addClasspathResource(MODEL).name(PROCESS_KEY).deploy().getId();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    repositoryService.deleteDeployment(deploymentId, true);
    AbstractAssertions.reset();
  }

  /** A Date variable on Christmas Eve 2026: Christmas, Boxing Day (Mon 28) and New Year pass (GMT). */
  @Test
  void deadlineAcrossChristmasFromADateVariable() {
    Instant aware = Instant.parse("2026-12-24T10:00:00Z");
    runScenario(aware, Date.from(aware), LocalDateTime.parse("2027-01-05T23:59:59"));
  }

  /** A form-js date-time string before Easter 2027, deadline in British Summer Time. */
  @Test
  void deadlineAcrossEasterFromAFormJsString() {
    runScenario(Instant.parse("2027-03-25T09:30:00Z"), "2027-03-25T09:30", LocalDateTime.parse("2027-04-05T23:59:59"));
  }

  private void runScenario(Instant now, Object awareOfIncidentAt, LocalDateTime expectedLondonDeadline) {
    ClockUtil.setCurrentTime(Date.from(now));
    Date deadline = Date.from(ZonedDateTime.of(expectedLondonDeadline, WorkingDayCalendar.ZONE).toInstant());

    ProcessInstance instance = runtimeService.startProcessInstanceByKey(
        PROCESS_KEY, Map.of(CaseVariables.PARTNERSHIP, PARTNERSHIP, AWARE_OF_INCIDENT_AT, awareOfIncidentAt));

    assertThat(instance).isWaitingAt(NOTIFY_PANEL);
    assertThat(instance.getTenantId()).isEqualTo(PARTNERSHIP);
    Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(task.getDueDate()).isEqualTo(deadline);
    assertThat(ZonedDateTime.ofInstant(task.getDueDate().toInstant(), WorkingDayCalendar.ZONE).toLocalDateTime())
        .isEqualTo(expectedLondonDeadline);
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(deadline);
    assertThat(workingDays.workingDaysLeft(task.getDueDate())).isEqualTo(5);

    ClockUtil.setCurrentTime(new Date(deadline.getTime() - 1000));
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count()).isZero();

    ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000)); // the next day in London
    assertThat(workingDays.workingDaysLeft(task.getDueDate())).isEqualTo(-1);
    assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().list())
        .extracting(Job::getId)
        .containsExactly(timer.getId());
    managementService.executeJob(timer.getId());

    assertThat(instance).isWaitingAt(NOTIFY_PANEL, ESCALATE); // non-interrupting: the duty stays open
    assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ESCALATE).count())
        .isOne();
  }
}
