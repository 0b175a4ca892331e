package uk.cspr.workflow.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.parallel.ParallelReviewProcess.Elements.*;
import static uk.cspr.workflow.support.EngineClock.endOf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.config.ProcessKeys;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;

/**
 * SPEC §3.5 end to end with the real engine, decision {@code parallelReviewTriggers}, calendar and
 * outbox; time moved with the engine clock; the LCSPR side of the message contract played by a
 * test-only model with key {@code lcspr}.
 */
@CsprSpringBootTest
@SuppressWarnings("unchecked")
class ParallelReviewInterfaceProcessTest {

  private static final String NL = "north-lincolnshire";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ParallelReviews parallelReviews;
  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  // ------------------------------------------------------------------------------------ fixtures

  /** A case of the partnership: a serious incident notification referred as Tasklist submits it. */
  private String notifiedCase(String partnership) {
    Map<String, Object> referral = new HashMap<>();
    referral.put("partnership", partnership);
    referral.put("referringAgency", "Youth justice service");
    referral.put("referrerName", "A. Lead, YJS manager");
    referral.put("referrerEmail", "yjs@agency.example");
    referral.put("incidentDate", "2026-12-20");
    referral.put("awareOfIncidentAt", "2026-12-20T09:30");
    referral.put("abuseOrNeglectKnownOrSuspected", "true");
    referral.put("incidentLocation", "IN_AREA");
    referral.put("incidentSummary", "Child died; a relative was arrested.");
    referral.put("children", List.of(Map.of("age", 17, "sex", "MALE", "ethnicity", "White British", "died", true)));
    return runtime.startProcessInstanceByKey(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, referral).getBusinessKey();
  }

  /** Facts as the start form submits them (strings), with nothing that triggers a parallel process. */
  private static Map<String, Object> noTriggers() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("awareOfIncidentAt", "2026-12-24T10:00");
    facts.put("victimDied", "false");
    facts.put("victimAge", "10");
    facts.put("perpetratorRelationship", "OTHER");
    facts.put("mappaLevel", "0");
    facts.put("offenceCategory", "NONE");
    facts.put("criminalInvestigation", "false");
    return facts;
  }

  /**
   * A 17-year-old on the youth justice caseload died, unexplained, a relative suspected, the police
   * investigating: domestic homicide review, youth justice serious incident, child death review,
   * coroner and criminal investigation.
   */
  private static Map<String, Object> fiveTriggers() {
    Map<String, Object> facts = noTriggers();
    facts.put("victimDied", "true");
    facts.put("victimAge", "17");
    facts.put("perpetratorRelationship", "RELATIVE");
    facts.put("offenceCategory", "MURDER");
    facts.put("childOnYouthJusticeCaseload", true);
    facts.put("unexpectedOrUnexplainedDeath", true);
    facts.put("criminalInvestigation", "true");
    return facts;
  }

  private static final List<String> FIVE =
      List.of("DOMESTIC_HOMICIDE_REVIEW", "YOUTH_JUSTICE_SERIOUS_INCIDENT", "CHILD_DEATH_REVIEW", "CORONER_INQUEST",
          "CRIMINAL_INVESTIGATION");

  private ProcessInstance start(String caseReference, Map<String, Object> facts) {
    ProcessInstance instance = parallelReviews.start(caseReference, NL, facts);
    Jobs.executeDue(management, instance.getId()); // the asynchronous lead notifications
    return instance;
  }

  private List<Task> open(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  /** The open task of a task key for one parallel process (its local variable {@code review}). */
  private Task openFor(ProcessInstance instance, String taskKey, String review) {
    return open(instance, taskKey).stream()
        .filter(task -> review.equals(runtime.getVariable(task.getExecutionId(), "review")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no open " + taskKey + " for " + review));
  }

  private static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  private static Map<String, Object> agreement() {
    Map<String, Object> values = values("agreedWith", "DCI Example, senior investigating officer", "agreedAt", "2026-12-29");
    for (String area : ParallelReviewProcess.WORKING_AREAS) {
      values.put(area + "Working", "PARALLEL");
      values.put(area + "Notes", "Agreed at the strategy meeting");
    }
    values.put("familyInvolvementWorking", "JOINT");
    return values;
  }

  private void track(ProcessInstance instance, String review, Object... pairs) {
    tasks.complete(openFor(instance, TRACK_UNTIL_CLOSED, review).getId(), values(pairs));
    Jobs.executeDue(management, instance.getId());
  }

  private Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  private long passed(ProcessInstance instance, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
        .finished().count();
  }

  /** A business-unit user of the partnership, for our REST API. */
  private TestRestTemplate asBusinessUnit() {
    String user = "parallel-bu-" + System.nanoTime();
    String password = java.util.UUID.randomUUID().toString();
    org.camunda.bpm.engine.identity.User account = identity.newUser(user);
    account.setPassword(password);
    identity.saveUser(account);
    identity.createMembership(user, "business-unit");
    identity.createTenantUserMembership(NL, user);
    return rest.withBasicAuth(user, password);
  }

  /** Lead notifications in the case's correspondence log (SPEC §5, {@code GET /api/cases/{ref}/correspondence}). */
  private List<Map<String, Object>> leadNotifications(String caseReference) {
    ResponseEntity<List> log = asBusinessUnit().getForEntity("/api/cases/" + caseReference + "/correspondence", List.class);
    assertThat(log.getStatusCode()).isEqualTo(HttpStatus.OK);
    return ((List<Map<String, Object>>) log.getBody()).stream()
        .filter(entry -> "parallelReviewLeadNotification".equals(entry.get("template")))
        .toList();
  }

  private Map<String, Object> record(ProcessInstance instance, String review) {
    List<Map<String, Object>> records = (List<Map<String, Object>>) variable(instance, "parallelReviewRecords");
    return records.stream().filter(r -> review.equals(r.get("review"))).findFirst().orElseThrow();
  }

  // ---------------------------------------------------------------------------------------- tests

  @Test
  void theYouthJusticeBoardIsDueOneWorkingDayAfterAwarenessAcrossChristmas() {
    // Thu 24 Dec 2026: Fri 25 Dec (Christmas) and Mon 28 Dec (Boxing Day substitute) are bank holidays
    EngineClock.setTo("2026-12-24T12:00");
    ProcessInstance instance = start(notifiedCase(NL), fiveTriggers());

    assertThat(variable(instance, "yjbNotificationDueAt")).isEqualTo(endOf("2026-12-29"));
    List<Task> yjb = open(instance, NOTIFY_YOUTH_JUSTICE_BOARD);
    assertThat(yjb).hasSize(1);
    assertThat(yjb.get(0).getDueDate()).isEqualTo(endOf("2026-12-29"));
    assertThat(yjb.get(0).getName()).isEqualTo(instance.getBusinessKey() + " · Notify the Youth Justice Board — due 29 Dec 2026");
    assertThat(yjb.get(0).getTenantId()).isEqualTo(NL);

    tasks.complete(yjb.get(0).getId(), values("yjbNotifiedAt", "2026-12-24T11:30", "yjbNotificationReference", "YJB-SI-42"));
    assertThat(record(instance, "YOUTH_JUSTICE_SERIOUS_INCIDENT")).containsEntry("yjbNotificationReference", "YJB-SI-42");
    assertThat(openFor(instance, AGREE_WORKING, "YOUTH_JUSTICE_SERIOUS_INCIDENT")).isNotNull();
  }

  @Test
  void aLateYouthJusticeBoardNotificationIsRecordedAndEscalatedWithoutStoppingTheCase() {
    EngineClock.setTo("2026-12-24T12:00");
    ProcessInstance instance = start(notifiedCase(NL), fiveTriggers());

    EngineClock.setTo("2026-12-29T23:00");
    Jobs.executeDue(management, instance.getId());
    assertThat(variable(instance, "deadlinesBreached")).isEqualTo(List.of());

    EngineClock.setTo("2026-12-30T09:00");
    Jobs.executeDue(management, instance.getId());
    assertThat(variable(instance, "deadlinesBreached")).isEqualTo(List.of("Notify the Youth Justice Board"));
    List<Task> escalation = open(instance, ESCALATE_MISSED_DEADLINE);
    assertThat(escalation).hasSize(1);
    assertThat(escalation.get(0).getName()).isEqualTo(instance.getBusinessKey() + " · Escalate missed deadline: Notify the Youth Justice Board — due 31 Dec 2026");
    assertThat(open(instance, NOTIFY_YOUTH_JUSTICE_BOARD)).as("still to be done").hasSize(1);
  }

  @Test
  void eachParallelProcessIsNotifiedAgreedAndTrackedUntilClosed() {
    EngineClock.setTo("2026-12-24T12:00");
    ProcessInstance instance = start(notifiedCase(NL), fiveTriggers());

    assertThat((List<String>) variable(instance, "parallelReviews")).containsExactlyElementsOf(FIVE);
    assertThat(passed(instance, NOTIFY_LEAD)).isEqualTo(FIVE.size());
    assertThat(open(instance, AGREE_WORKING)).hasSize(FIVE.size() - 1); // the youth justice one waits for the YJB
    Map<String, Object> dhr = record(instance, "DOMESTIC_HOMICIDE_REVIEW");
    assertThat(dhr).containsEntry("reviewStatus", "LEAD_NOTIFIED")
        .containsEntry("leadTitle", "Chair of the community safety partnership")
        .containsEntry("leadEmail", "community-safety-partnership-chair@parallel-leads.example")
        .containsEntry("leadAddressee", "BUSINESS_UNIT");
    // one e-mail per lead, to the business unit to forward (the lead's address is in it), never the child's name
    List<Map<String, Object>> sent = leadNotifications(instance.getBusinessKey());
    assertThat(sent).hasSize(FIVE.size());
    assertThat(sent).allSatisfy(mail -> {
      assertThat((List<String>) mail.get("to")).containsExactly("mars@northlincs.gov.uk");
      assertThat((String) mail.get("subject")).startsWith("Child safeguarding practice review " + instance.getBusinessKey() + ": ");
      assertThat((List<?>) mail.get("attachments")).hasSize(1);
    });
    assertThat(sent).extracting(mail -> mail.get("subject")).contains(
        "Child safeguarding practice review " + instance.getBusinessKey() + ": Youth justice serious incident notification");

    tasks.complete(open(instance, NOTIFY_YOUTH_JUSTICE_BOARD).get(0).getId(),
        values("yjbNotifiedAt", "2026-12-24T11:30", "yjbNotificationReference", "YJB-SI-42"));
    Map<String, Object> incomplete = agreement();
    incomplete.remove("methodologyWorking");
    Task coroner = openFor(instance, AGREE_WORKING, "CORONER_INQUEST");
    // checked by the generic task form check (uk.cspr.workflow.tasks)
    assertThatThrownBy(() -> tasks.complete(coroner.getId(), incomplete))
        .isInstanceOf(InvalidCaseDataException.class).hasMessage("methodologyWorking: is required");
    for (String review : FIVE) {
      tasks.complete(openFor(instance, AGREE_WORKING, review).getId(), agreement());
    }
    Map<String, Object> agreed = record(instance, "CORONER_INQUEST");
    assertThat(agreed).containsEntry("reviewStatus", "AGREED").containsEntry("agreedWith", "DCI Example, senior investigating officer");
    assertThat((Map<String, Object>) agreed.get("working")).hasSize(9)
        .containsEntry("familyInvolvement", Map.of("working", "JOINT", "notes", "Agreed at the strategy meeting"));
    // one review's answers never overwrite another's, nor leak into the case scope
    assertThat(runtime.getVariable(instance.getId(), "agreedWith")).isNull();

    assertThatThrownBy(() -> track(instance, "CHILD_DEATH_REVIEW", "trackingUpdate", "CLOSED", "trackingNote", "CDOP met"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("closedAt");
    track(instance, "CHILD_DEATH_REVIEW", "trackingUpdate", "PROGRESS", "trackingNote", "CDOP meets in March");
    assertThat(open(instance, TRACK_UNTIL_CLOSED)).hasSize(FIVE.size());
    for (String review : FIVE) {
      track(instance, review, "trackingUpdate", "CLOSED", "trackingNote", "Closed", "closedAt", "2026-12-24");
    }
    assertThat(passed(instance, END_ALL_CLOSED)).isEqualTo(1);
    assertThat(record(instance, "CHILD_DEATH_REVIEW")).containsEntry("reviewStatus", "CLOSED");
    assertThat((List<?>) record(instance, "CHILD_DEATH_REVIEW").get("notes")).hasSize(2);
  }

  @Test
  void theTrackingTaskStaysOpenWithARemindeEveryFourWeeks() {
    EngineClock.setTo("2026-12-24T12:00");
    Map<String, Object> facts = noTriggers();
    facts.put("criminalInvestigation", "true");
    ProcessInstance instance = start(notifiedCase(NL), facts);
    tasks.complete(open(instance, AGREE_WORKING).get(0).getId(), agreement());

    EngineClock.setTo("2027-01-20T12:00");
    assertThat(Jobs.executeDue(management, instance.getId())).isZero();
    EngineClock.setTo("2027-01-21T12:01");
    Jobs.executeDue(management, instance.getId()); // the timer
    Jobs.executeDue(management, instance.getId()); // the asynchronous reminder
    assertThat(passed(instance, SEND_TRACKING_REMINDER)).isEqualTo(1);
    assertThat(open(instance, TRACK_UNTIL_CLOSED)).hasSize(1);

    EngineClock.setTo("2027-02-18T12:02");
    Jobs.executeDue(management, instance.getId());
    Jobs.executeDue(management, instance.getId());
    assertThat(passed(instance, SEND_TRACKING_REMINDER)).isEqualTo(2);
  }

  @Test
  void noParallelProcessEndsAtOnce() {
    EngineClock.setTo("2026-12-24T12:00");
    ProcessInstance instance = start(notifiedCase(NL), noTriggers());
    assertThat(passed(instance, END_NO_PARALLEL_PROCESS)).isEqualTo(1);
    assertThat((List<?>) variable(instance, "parallelReviews")).isEmpty();
  }

  @Test
  void theInterfaceCanBeRunAgainLaterInTheCaseWhenNewFactsEmerge() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase(NL);
    ProcessInstance first = start(caseReference, noTriggers());

    EngineClock.setTo("2027-02-01T12:00");
    Map<String, Object> later = noTriggers();
    later.put("awareOfIncidentAt", "2027-02-01T09:00");
    later.put("migrationBorderOrCitizenshipIssue", true);
    ProcessInstance second = start(caseReference, later);

    assertThat(first.getBusinessKey()).isEqualTo(caseReference);
    assertThat(second.getBusinessKey()).isEqualTo(caseReference);
    assertThat(second.getTenantId()).isEqualTo(NL);
    assertThat((List<String>) variable(second, "parallelReviews")).containsExactly("HOME_OFFICE_CONTRIBUTION");
    assertThat(variable(second, "yjbNotificationDueAt")).isEqualTo(endOf("2027-02-02"));
  }

  @Test
  void startedWithoutFactsTheBusinessUnitRecordsThem() {
    EngineClock.setTo("2026-12-24T12:00");
    ProcessInstance instance = parallelReviews.start(notifiedCase(NL), NL, Map.of("awareOfIncidentAt", "2026-12-24T10:00"));
    Task facts = open(instance, RECORD_FACTS).get(0);
    // due the next working day (issue 14.6): the facts decide whether the YJB is told within 1 working day
    assertThat(facts.getDueDate()).isEqualTo(endOf("2026-12-29"));
    assertThat(facts.getName()).endsWith(" — due 29 Dec 2026");
    assertThat(facts.getDescription()).isEqualTo(instance.getBusinessKey() + " · North Lincolnshire Safeguarding Children Partnership");

    Map<String, Object> bad = fiveTriggers();
    bad.put("offenceCategory", "ARSON");
    assertThatThrownBy(() -> tasks.complete(facts.getId(), bad))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("offenceCategory");
    tasks.complete(facts.getId(), fiveTriggers());
    assertThat((List<String>) variable(instance, "parallelReviews")).containsExactlyElementsOf(FIVE);
  }

  @Test
  void theCaseMustExistInTheSamePartnershipAndTheFactsMustBeValid() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase(NL);
    assertThatThrownBy(() -> parallelReviews.start("NL-2026-9999", NL, noTriggers()))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("caseReference: no case NL-2026-9999");
    assertThatThrownBy(() -> parallelReviews.start(caseReference, "bolton", noTriggers()))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("in partnership bolton");
    Map<String, Object> facts = noTriggers();
    facts.put("perpetratorRelationship", "NEIGHBOUR");
    assertThatThrownBy(() -> parallelReviews.start(caseReference, NL, facts))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("perpetratorRelationship");
    Map<String, Object> future = noTriggers();
    future.put("awareOfIncidentAt", "2026-12-25T10:00");
    assertThatThrownBy(() -> parallelReviews.start(caseReference, NL, future))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("awareOfIncidentAt: cannot be in the future");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ParallelReviewProcess.KEY)
        .processInstanceBusinessKey("NL-2026-9999").count()).isZero();
  }

  @Test
  void theBusinessUnitStartsItOverRest() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase(NL);
    TestRestTemplate asBusinessUnit = asBusinessUnit();
    Map<String, Object> body = new HashMap<>(noTriggers());
    body.put("partnership", NL);

    ResponseEntity<Map> started = asBusinessUnit.postForEntity("/api/cases/" + caseReference + "/parallel-reviews", body, Map.class);
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(started.getBody()).containsEntry("caseReference", caseReference);

    ResponseEntity<Map> unknown = asBusinessUnit.postForEntity("/api/cases/NL-2026-9999/parallel-reviews", body, Map.class);
    assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknown.getBody()).containsEntry("parameter", "caseReference");
    assertThat(rest.postForEntity("/api/cases/" + caseReference + "/parallel-reviews", body, Map.class).getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void criminalProceedingsPauseAndResumeTheRunningLcsprOfTheCase() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase(NL);
    Deployment contract = repository.createDeployment().name("lcspr message contract (test)")
        .addClasspathResource("parallel/lcsprMessageContract.bpmn").deploy();
    try {
      String lcsprDefinition = repository.createProcessDefinitionQuery().deploymentId(contract.getId()).singleResult().getId();
      ProcessInstance lcspr = runtime.startProcessInstanceById(lcsprDefinition, caseReference, Map.of("partnership", NL));
      Map<String, Object> facts = noTriggers();
      facts.put("criminalInvestigation", "true");
      ProcessInstance instance = start(caseReference, facts);
      tasks.complete(openFor(instance, AGREE_WORKING, "CRIMINAL_INVESTIGATION").getId(), agreement());

      assertThatThrownBy(() -> track(instance, "CRIMINAL_INVESTIGATION", "trackingUpdate", "PROCEEDINGS_PAUSED",
              "trackingNote", "SIO asked us to wait", "pauseReason", "Trial listed"))
          .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("pauseFamilyEngagement");
      track(instance, "CRIMINAL_INVESTIGATION", "trackingUpdate", "PROCEEDINGS_PAUSED", "trackingNote",
          "SIO asked us to wait", "pauseFamilyEngagement", true, "pauseReason", "Trial listed for June 2027");

      assertThat(runtime.getActiveActivityIds(lcspr.getId())).containsExactly("catchEvent_proceedingsConcluded");
      assertThat(runtime.getVariable(lcspr.getId(), "pausedAreas")).isEqualTo(List.of("FAMILY_ENGAGEMENT"));
      assertThat(runtime.getVariable(lcspr.getId(), "pauseReason")).isEqualTo("Trial listed for June 2027");
      assertThat(record(instance, "CRIMINAL_INVESTIGATION")).containsEntry("reviewStatus", "PAUSED_FOR_CRIMINAL_PROCEEDINGS");

      track(instance, "CRIMINAL_INVESTIGATION", "trackingUpdate", "PROCEEDINGS_CONCLUDED", "trackingNote",
          "Verdict given; family engagement can resume");
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(lcspr.getId()).finished().count()).isEqualTo(1);
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(lcspr.getId()).variableName("pausedAreas")
          .singleResult().getValue()).isEqualTo(List.of());

      List<Map<String, Object>> log = (List<Map<String, Object>>) variable(instance, "criminalProceedingsLog");
      assertThat(log).extracting(entry -> entry.get("message"))
          .containsExactly("cspr.criminalProceedingsPaused", "cspr.criminalProceedingsConcluded");
      assertThat(log).extracting(entry -> entry.get("result")).containsOnly("CORRELATED");
      assertThat(open(instance, TRACK_UNTIL_CLOSED)).hasSize(1);
    } finally {
      repository.deleteDeployment(contract.getId(), true);
    }
  }

  @Test
  void withoutARunningLcsprThePauseIsRecordedAndNothingFails() {
    EngineClock.setTo("2026-12-24T12:00");
    Map<String, Object> facts = noTriggers();
    facts.put("criminalInvestigation", "true");
    ProcessInstance instance = start(notifiedCase(NL), facts);
    tasks.complete(open(instance, AGREE_WORKING).get(0).getId(), agreement());
    track(instance, "CRIMINAL_INVESTIGATION", "trackingUpdate", "PROCEEDINGS_PAUSED", "trackingNote", "SIO advice",
        "pausePublication", true, "pauseReason", "Charging decision awaited");

    assertThat(management.createJobQuery().processInstanceId(instance.getId()).withException().count()).isZero();
    List<Map<String, Object>> log = (List<Map<String, Object>>) variable(instance, "criminalProceedingsLog");
    assertThat(log).hasSize(1);
    assertThat(log.get(0)).containsEntry("result", "NO_LCSPR_RUNNING").containsEntry("pausedAreas", List.of("PUBLICATION"));
    assertThat(open(instance, TRACK_UNTIL_CLOSED)).hasSize(1);
  }
}
