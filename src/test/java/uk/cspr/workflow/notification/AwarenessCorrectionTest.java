package uk.cspr.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.INFORM_PARTNERS;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.NOTIFY_PANEL;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_PARTNERS_DECISION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.REPORT_TO_PARTNERS;
import static uk.cspr.workflow.notification.Referrals.referral;
import static uk.cspr.workflow.support.EngineClock.endOf;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.security.CsprGroups;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.TaskSteps;
import uk.cspr.workflow.support.TestUsers;

/**
 * Issue 15: a wrongly typed awareness time is corrected through its own step, by the partnership's
 * business unit, with a reason; the correction is recorded and the deadlines that count from
 * awareness (notify the Panel, report to the partners: 5 working days, WT 2023 ch.4 para 12) are
 * recomputed, with the open steps' due dates and timers; breaches that the wrong time caused are withdrawn.
 */
@CsprSpringBootTest
class AwarenessCorrectionTest {

  private static final String NL = "north-lincolnshire";
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static final String NOTIFY_PANEL_STEP = "Notify the Panel through the online notification system";
  private static final String REPORT_STEP = "Report the incident to the safeguarding partners";

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  private String coordinator;

  @BeforeEach
  void users() {
    coordinator = TestUsers.user(identity, PASSWORD, "correcting-coordinator", CsprGroups.BUSINESS_UNIT, NL);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  /** Tue 22 Dec 2026; the school rang on Mon 21 Dec, typed as Mon 14 Dec: 5 WD then ended on 21 Dec. */
  private ProcessInstance notificationDueWhenTypedWrongly() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = runtime.startProcessInstanceByKey(NotificationProcess.KEY,
        referral().with("incidentDate", "2026-12-13").with("awareOfIncidentAt", "2026-12-14T09:30").values());
    TaskSteps.complete(tasks, instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    TaskSteps.complete(tasks, instance, RECORD_SSL_RECOMMENDATION, "sslRecommendation", "NOTIFY_AND_RAPID_REVIEW",
        "sslRationale", "Criteria met");
    TaskSteps.complete(tasks, instance, RECORD_PARTNERS_DECISION, "laVote", "NOTIFY_AND_RAPID_REVIEW",
        "policeVote", "NOTIFY_AND_RAPID_REVIEW", "icbVote", "NOTIFY_AND_RAPID_REVIEW", "outcomeRationale", "Unanimous");
    return instance;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWronglyTypedAwarenessIsCorrectedAndTheBreachesItCausedAreWithdrawn() {
    ProcessInstance instance = notificationDueWhenTypedWrongly();
    assertThat(task(instance, NOTIFY_PANEL).getDueDate()).isEqualTo(endOf("2026-12-21"));
    Jobs.executeDue(management, instance.getId()); // both 5-day timers are already due
    assertThat(breaches(instance)).containsExactlyInAnyOrder(NOTIFY_PANEL_STEP, REPORT_STEP);
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ESCALATE_MISSED_DEADLINE).count()).isEqualTo(2);

    ResponseEntity<JsonNode> corrected = correct(coordinator, instance, Map.of("fact", "awareOfIncidentAt",
        "value", "2026-12-21T09:30", "reason", "Typed the wrong week: the school rang on 21 December."));

    assertThat(corrected.getStatusCode()).as(String.valueOf(corrected.getBody())).isEqualTo(HttpStatus.OK);
    // Mon 21 Dec + 5 WD, without Christmas Day and the Boxing Day substitute (28 Dec)
    assertThat(runtime.getVariable(instance.getId(), "panelNotificationDueAt")).isEqualTo(endOf("2026-12-30"));
    assertThat(runtime.getVariable(instance.getId(), "partnersReportDueAt")).isEqualTo(endOf("2026-12-30"));
    Task notify = task(instance, NOTIFY_PANEL);
    assertThat(notify.getDueDate()).isEqualTo(endOf("2026-12-30"));
    assertThat(notify.getName()).isEqualTo(instance.getBusinessKey() + " · " + NOTIFY_PANEL_STEP + " — due 30 Dec 2026");
    assertThat((Map<String, Object>) tasks.getVariableLocal(notify.getId(), "shown"))
        .as("its form shows the corrected time and deadline, as Markdown text")
        .containsEntry("awareOfIncidentAt", "21 Dec 2026\\, 09\\:30").containsEntry("panelNotificationDueAt", "30 Dec 2026");
    assertThat(task(instance, REPORT_TO_PARTNERS).getDueDate()).isEqualTo(endOf("2026-12-30"));
    assertThat(breaches(instance)).as("the wrong time caused them").isEmpty();
    assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ESCALATE_MISSED_DEADLINE).count()).isZero();
    assertThat(timerDueDates(instance)).as("each step's deadline timer is set again").containsOnly(endOf("2026-12-30"), endOf("2026-12-30"));

    EngineClock.setTo("2026-12-31T00:00:30");
    Jobs.executeDue(management, instance.getId());
    assertThat(breaches(instance)).as("and fires at the corrected deadline").containsExactlyInAnyOrder(NOTIFY_PANEL_STEP, REPORT_STEP);

    JsonNode recorded = rest.withBasicAuth(coordinator, PASSWORD)
        .getForEntity("/api/cases/" + instance.getBusinessKey() + "/corrections", JsonNode.class).getBody();
    assertThat(recorded).hasSize(1);
    assertThat(recorded.get(0).get("fact").asText()).isEqualTo("awareOfIncidentAt");
    assertThat(recorded.get(0).get("from").asText()).isEqualTo("2026-12-14T09:30:00Z");
    assertThat(recorded.get(0).get("to").asText()).isEqualTo("2026-12-21T09:30:00Z");
    assertThat(recorded.get(0).get("reason").asText()).isEqualTo("Typed the wrong week: the school rang on 21 December.");
    assertThat(recorded.get(0).get("by").asText()).isEqualTo(coordinator);
    assertThat(recorded.get(0).get("at").asText()).isEqualTo("2026-12-22T10:00:00Z");
    assertThat(recorded.get(0).at("/deadlines/panelNotificationDueAt/from").asText()).isEqualTo(endOf("2026-12-21").toInstant().toString());
    assertThat(recorded.get(0).get("breachesWithdrawn")).hasSize(2);
  }

  @Test
  void aCorrectionToAnEarlierTimeBringsTheOpenStepsForward() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = notificationDueWhenTypedWrongly();
    correct(coordinator, instance, Map.of("fact", "awareOfIncidentAt", "value", "2026-12-21T09:30", "reason", "First correction."));

    ResponseEntity<JsonNode> earlier = correct(coordinator, instance, Map.of("fact", "awareOfIncidentAt",
        "value", "2026-12-18T16:00", "reason", "The police told the local authority on Friday afternoon."));

    assertThat(earlier.getStatusCode()).as(String.valueOf(earlier.getBody())).isEqualTo(HttpStatus.OK);
    // Fri 18 Dec + 5 WD: 21, 22, 23, 24, 29 Dec
    Task notify = task(instance, NOTIFY_PANEL);
    assertThat(notify.getDueDate()).isEqualTo(endOf("2026-12-29"));
    assertThat(tasks.getVariableLocal(notify.getId(), "shown").toString()).contains("panelNotificationDueAt=29 Dec 2026");
    assertThat(timerDueDates(instance)).containsOnly(endOf("2026-12-29"));
    assertThat(earlier.getBody().get("breachesWithdrawn")).isEmpty();
  }

  @Test
  void onlyTheCasesBusinessUnitCorrectsAndABadCorrectionChangesNothing() {
    ProcessInstance instance = notificationDueWhenTypedWrongly();
    Map<String, Object> before = runtime.getVariables(instance.getId());
    Map<String, Object> good = Map.of("fact", "awareOfIncidentAt", "value", "2026-12-21T09:30", "reason", "Typo.");
    String seniorLead = TestUsers.user(identity, PASSWORD, "correcting-senior-lead", CsprGroups.SENIOR_LEADS, NL);
    String otherCoordinator = TestUsers.user(identity, PASSWORD, "correcting-bolton", CsprGroups.BUSINESS_UNIT, "bolton");

    assertThat(correct(seniorLead, instance, good).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(correct(otherCoordinator, instance, good).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertRefused(instance, Map.of("fact", "awareOfIncidentAt", "value", "2026-12-23T09:00", "reason", "x"), "value", "future");
    assertRefused(instance, Map.of("fact", "awareOfIncidentAt", "value", "2026-12-12T09:00", "reason", "x"), "value", "before the incident");
    assertRefused(instance, Map.of("fact", "awareOfIncidentAt", "value", "2026-12-21T09:30"), "reason", "required");
    assertRefused(instance, Map.of("fact", "panelNotificationDueAt", "value", "2027-01-30T09:30", "reason", "x"), "fact", "awareOfIncidentAt");
    assertRefused(instance, Map.of("fact", "awareOfIncidentAt", "value", "2026-12-21T09:30", "reason", "a\u0000b"), "reason", "");

    assertThat(runtime.getVariables(instance.getId())).isEqualTo(before);
  }

  private void assertRefused(ProcessInstance instance, Map<String, Object> request, String field, String message) {
    ResponseEntity<JsonNode> refused = correct(coordinator, instance, request);
    assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getBody().get("parameter").asText()).isEqualTo(field);
    assertThat(refused.getBody().get("message").asText()).contains(message);
  }

  private ResponseEntity<JsonNode> correct(String user, ProcessInstance instance, Map<String, Object> request) {
    return rest.withBasicAuth(user, PASSWORD)
        .postForEntity("/api/cases/" + instance.getBusinessKey() + "/corrections", request, JsonNode.class);
  }

  private Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  @SuppressWarnings("unchecked")
  private List<String> breaches(ProcessInstance instance) {
    return (List<String>) runtime.getVariable(instance.getId(), "deadlinesBreached");
  }

  /** Due dates of the instance's deadline timers on the Panel notification and the partners' report. */
  private List<Date> timerDueDates(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
        .filter(job -> !job.getDuedate().equals(endOf("2026-12-23")))
        .map(Job::getDuedate).toList();
  }
}
