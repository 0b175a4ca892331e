package uk.cspr.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.notification.NotificationProcess.Elements.*;
import static uk.cspr.workflow.notification.Referrals.referral;
import static uk.cspr.workflow.support.EngineClock.endOf;
import static uk.cspr.workflow.support.EngineClock.londonDate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.cspr.workflow.cases.CaseData;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;

/** SPEC §3.1 end to end with the real engine, decisions, calendar and outbox; time moved with the engine clock. */
@CsprSpringBootTest
@SuppressWarnings("unchecked")
class NotificationProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  private ProcessInstance refer(Referrals referral) {
    return runtime.startProcessInstanceByKey(NotificationProcess.KEY, referral.values());
  }

  private Task task(ProcessInstance instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).singleResult();
  }

  private void complete(ProcessInstance instance, String taskKey, Object... variables) {
    Task task = task(instance, taskKey);
    assertThat(task).as("open task " + taskKey).isNotNull();
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }

  private Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  private void decide(ProcessInstance instance, String la, String police, String icb) {
    complete(instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    complete(instance, RECORD_SSL_RECOMMENDATION, "sslRecommendation", la, "sslRationale", "Criteria met");
    complete(instance, RECORD_PARTNERS_DECISION, "laVote", la, "policeVote", police, "icbVote", icb,
        "outcomeRationale", "Partners' rationale");
  }

  private boolean ended(ProcessInstance instance, String endEvent) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(endEvent).finished().count() == 1;
  }

  @Test
  void aCaseReferenceIdentifiesTheCasePerPartnershipAndYear() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance first = refer(referral());
    ProcessInstance second = refer(referral());
    ProcessInstance cambs = refer(referral().with("partnership", "cambridgeshire-peterborough"));

    assertThat(first.getBusinessKey()).matches("NL-2026-\\d{4}");
    int n = Integer.parseInt(first.getBusinessKey().substring(8));
    assertThat(second.getBusinessKey()).isEqualTo(String.format("NL-2026-%04d", n + 1));
    assertThat(cambs.getBusinessKey()).startsWith("CP-2026-");
    assertThat(first.getTenantId()).isEqualTo("north-lincolnshire");
  }

  @Test
  void deadlinesAcrossChristmasAreStoredAndAreTheTaskDueDates() {
    // Tue 22 Dec 2026; 25 Dec (Fri) and 28 Dec (Boxing Day substitute) are bank holidays
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("awareOfIncidentAt", "2026-12-22T09:30"));

    assertThat(variable(instance, "partnersInformedDueAt")).isEqualTo(endOf("2026-12-23"));
    assertThat(variable(instance, "sslRecommendationDueAt")).isEqualTo(endOf("2026-12-29")); // NL: 3 WD
    assertThat(variable(instance, "dspDecisionDueAt")).isEqualTo(endOf("2026-12-30")); // NL: 4 WD
    assertThat(variable(instance, "panelNotificationDueAt")).isEqualTo(endOf("2026-12-31")); // WT para 12: 5 WD
    assertThat(variable(instance, "partnersReportDueAt")).isEqualTo(endOf("2026-12-31"));
    Task inform = task(instance, INFORM_PARTNERS);
    assertThat(inform.getDueDate()).isEqualTo(endOf("2026-12-23"));
    assertThat(inform.getName()).isEqualTo(instance.getBusinessKey() + " · Inform the delegated safeguarding partners and senior leads — due 23 Dec 2026");
    assertThat(inform.getDescription()).isEqualTo(instance.getBusinessKey() + " · North Lincolnshire Safeguarding Children Partnership");
    assertThat(inform.getTenantId()).isEqualTo("north-lincolnshire");

    decide(instance, "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW");
    assertThat(task(instance, NOTIFY_PANEL).getDueDate()).isEqualTo(endOf("2026-12-31"));
    assertThat(task(instance, NOTIFY_PANEL).getTaskDefinitionKey()).isEqualTo(NOTIFY_PANEL);
  }

  @Test
  void panelNotificationDeadlineSpansEaster() {
    // Thu 25 Mar 2027: Good Friday 26 Mar and Easter Monday 29 Mar 2027 do not count
    EngineClock.setTo("2027-03-25T16:00");
    ProcessInstance instance = refer(referral().with("incidentDate", "2027-03-24").with("awareOfIncidentAt", "2027-03-25T15:00"));
    assertThat(londonDate(variable(instance, "panelNotificationDueAt"))).isEqualTo(LocalDate.of(2027, 4, 5));
    assertThat(londonDate(variable(instance, "partnersInformedDueAt"))).isEqualTo(LocalDate.of(2027, 3, 30));
  }

  @Test
  void cambridgeshireMeetsWithinTwoWorkingDays() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("partnership", "cambridgeshire-peterborough"));
    assertThat(variable(instance, "sslRecommendationDueAt")).isEqualTo(endOf("2026-12-24"));
    assertThat(variable(instance, "dspDecisionDueAt")).isEqualTo(endOf("2026-12-24"));
  }

  @Test
  void outcomeA_unanimousVotesLeadToPanelNotificationAndRapidReview() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    decide(instance, "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW");
    assertThat(variable(instance, "outcome")).isEqualTo("NOTIFY_AND_RAPID_REVIEW");

    complete(instance, NOTIFY_PANEL, "panelNotificationSentAt", "2026-12-22T09:50", "panelNotificationReference", "CSPR-12345");
    assertThat(variable(instance, "panelNotificationReference")).isEqualTo("CSPR-12345");
    assertThat(londonDate(variable(instance, "panelNotificationSentAt"))).isEqualTo(LocalDate.of(2026, 12, 22));
    complete(instance, REPORT_TO_PARTNERS, "partnersReportedAt", "2026-12-22T09:55", "partnersReportMethod", "E-mail");
    ProcessInstance rapidReview = runtime.createProcessInstanceQuery().processDefinitionKey("rapidReview")
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(rapidReview).as("outcome (a) starts the rapid review").isNotNull();
    assertThat(rapidReview.getBusinessKey()).isEqualTo(instance.getBusinessKey());
    assertThat(rapidReview.getTenantId()).isEqualTo("north-lincolnshire");
  }

  /** CA 2004 s.16C(1), WT 2023 ch.4 para 12: the authority where it happened notifies the Panel. */
  @Test
  void anIncidentElsewhereInEnglandRecordsTheOtherAuthoritysNotificationAndTheRapidReviewCountsFromIt() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("incidentLocation", "ELSEWHERE_IN_ENGLAND"));
    decide(instance, "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW");

    assertThat(task(instance, NOTIFY_PANEL)).as("this authority does not notify the Panel").isNull();
    complete(instance, RECORD_OTHER_AUTHORITY_NOTIFICATION, "notifyingAuthority", "Lincolnshire County Council",
        "panelNotificationSentAt", "2026-12-21T16:00", "panelNotificationReference", "CSPR-LINCS-77", "leadsRapidReview", "true");

    assertThat(variable(instance, "notifyingAuthority")).isEqualTo("Lincolnshire County Council");
    assertThat(variable(instance, "panelNotificationSentAt")).isEqualTo(java.util.Date.from(java.time.LocalDateTime.parse("2026-12-21T16:00").atZone(EngineClock.LONDON).toInstant()));
    ProcessInstance rapidReview = runtime.createProcessInstanceQuery().processDefinitionKey("rapidReview")
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(rapidReview).as("this partnership leads the rapid review").isNotNull();
    // 15 WD from Mon 21 Dec 2026, without 25 and 28 Dec and 1 Jan: Thu 14 Jan 2027
    assertThat(runtime.getVariable(rapidReview.getId(), "rapidReviewDueAt")).isEqualTo(endOf("2027-01-14"));
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(NOTIFY_PANEL).count()).isZero();
  }

  @Test
  void anIncidentElsewhereInEnglandWhoseRapidReviewTheOtherPartnershipLeadsEndsHere() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("incidentLocation", "ELSEWHERE_IN_ENGLAND"));
    decide(instance, "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW", "NOTIFY_AND_RAPID_REVIEW");
    complete(instance, RECORD_OTHER_AUTHORITY_NOTIFICATION, "notifyingAuthority", "Lincolnshire County Council",
        "panelNotificationSentAt", "2026-12-21T16:00", "panelNotificationReference", "CSPR-LINCS-77", "leadsRapidReview", "false");

    assertThat(ended(instance, "endEvent_otherPartnershipLeads")).isTrue();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("rapidReview")
        .superProcessInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void theInterfaceWithParallelReviewsStartsOnceThePartnersAreInformed() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    complete(instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    String job = management.createJobQuery().processInstanceId(instance.getId()).activityId(START_PARALLEL_REVIEWS)
        .singleResult().getId();
    management.executeJob(job);
    ProcessInstance parallel = runtime.createProcessInstanceQuery().processDefinitionKey("parallelReviewInterface")
        .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
    assertThat(parallel).isNotNull();
    assertThat(parallel.getTenantId()).isEqualTo("north-lincolnshire");
  }

  @Test
  void outcomeB_noFurtherActionEndsWithTheRationale() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    decide(instance, "NO_FURTHER_ACTION", "NO_FURTHER_ACTION", "NO_FURTHER_ACTION");
    assertThat(ended(instance, END_NO_FURTHER_ACTION)).isTrue();
    assertThat(task(instance, NOTIFY_PANEL)).isNull();
    assertThat(variable(instance, "outcomeRationale")).isEqualTo("Partners' rationale");
  }

  @Test
  void outcomesCAndD_startTheLearningReviewWithTheDecisionAlreadyTaken() {
    EngineClock.setTo("2026-12-22T10:00");
    for (String outcome : List.of("SINGLE_AGENCY_REVIEW", "MULTI_AGENCY_REVIEW")) {
      ProcessInstance instance = refer(referral());
      decide(instance, outcome, outcome, outcome);
      ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey("nonSeriousCaseRequest")
          .superProcessInstanceId(instance.getId()).singleResult();
      assertThat(review).as(outcome).isNotNull();
      assertThat(review.getBusinessKey()).isEqualTo(instance.getBusinessKey());
      assertThat(runtime.getVariable(review.getId(), "outcome")).isEqualTo(outcome);
      assertThat(task(instance, NOTIFY_PANEL)).isNull();
    }
  }

  @Test
  void disagreementResolvedBySeniorLeadsIsRecorded() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    decide(instance, "NOTIFY_AND_RAPID_REVIEW", "NO_FURTHER_ACTION", "NOTIFY_AND_RAPID_REVIEW");
    assertThat(variable(instance, "partnersAgree")).isEqualTo(false);

    complete(instance, RESOLVE_AT_SENIOR_LEADS, "disputeResolved", "true", "agreedOutcome", "NOTIFY_AND_RAPID_REVIEW",
        "disputeNotes", "Police agreed after new information");
    assertThat(variable(instance, "outcome")).isEqualTo("NOTIFY_AND_RAPID_REVIEW");
    assertThat(task(instance, NOTIFY_PANEL)).isNotNull();
    List<?> record = (List<?>) variable(instance, "disputeRecord");
    assertThat(record).hasSize(1);
  }

  @Test
  void unresolvedDisagreementGoesToPartnersThenToTheScrutineer() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    decide(instance, "MULTI_AGENCY_REVIEW", "NO_FURTHER_ACTION", "SINGLE_AGENCY_REVIEW");
    complete(instance, RESOLVE_AT_SENIOR_LEADS, "disputeResolved", "false", "disputeNotes", "No agreement");
    complete(instance, RESOLVE_AT_SAFEGUARDING_PARTNERS, "disputeResolved", "false", "disputeNotes", "Still no agreement");
    assertThatThrownBy(() -> complete(instance, MEDIATE_DISAGREEMENT, "disputeNotes", "Mediated"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("agreedOutcome");
    complete(instance, MEDIATE_DISAGREEMENT, "agreedOutcome", "MULTI_AGENCY_REVIEW", "disputeNotes", "Mediated");

    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("nonSeriousCaseRequest")
        .superProcessInstanceId(instance.getId()).count()).isEqualTo(1);
    assertThat((List<?>) variable(instance, "disputeRecord")).hasSize(3);
  }

  @Test
  void lookedAfterChildDeathIsNotifiedToSecretaryOfStateAndOfstedEvenWithoutAbuseOrNeglect() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("abuseOrNeglectKnownOrSuspected", "false")
        .child("age", 15, "died", true, "seriouslyHarmed", false, "lookedAfter", true));
    assertThat(variable(instance, "seriousCase")).isEqualTo(false);
    complete(instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);

    Task notify = task(instance, NOTIFY_SOS_AND_OFSTED);
    assertThat(notify).isNotNull();
    assertThat(notify.getDueDate()).isEqualTo(endOf("2026-12-31"));
    assertThat((List<Object>) variable(instance, "duties")).doesNotContain("RAPID_REVIEW");
    complete(instance, NOTIFY_SOS_AND_OFSTED, "secretaryOfStateAndOfstedNotifiedAt", "2026-12-22T09:45",
        "secretaryOfStateAndOfstedReference", "LAC-1");
  }

  /** The Panel's notification form takes up to four children per incident; sibling groups are common. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3, 4})
  void everyChildOfASiblingGroupIsAssessedAndTheDutiesAreTheUnion(int children) {
    EngineClock.setTo("2026-12-22T10:00");
    Referrals referral = referral().child("age", 7)
        .child("age", 15, "died", true, "seriouslyHarmed", false, "lookedAfter", true);
    for (int i = 2; i < children; i++) {
      referral.child("age", 3 + i);
    }
    ProcessInstance instance = refer(referral);

    assertThat(CaseData.list(variable(instance, "childAssessments"))).hasSize(children);
    assertThat(variable(instance, "seriousCase")).isEqualTo(true);
    assertThat(CaseData.list(variable(instance, "duties"))).contains(
        "NOTIFY_PANEL", "RAPID_REVIEW", "NOTIFY_SECRETARY_OF_STATE_AND_OFSTED");
    assertThat(task(instance, INFORM_PARTNERS)).isNotNull();
  }

  @Test
  void careLeaverDeathAt24IsNotifiedToOfstedAndDfe() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("abuseOrNeglectKnownOrSuspected", "false")
        .child("age", 24, "died", true, "seriouslyHarmed", false, "careLeaver", true));
    complete(instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);
    assertThat(task(instance, NOTIFY_OFSTED_AND_DFE)).isNotNull();
    assertThat(task(instance, NOTIFY_SOS_AND_OFSTED)).isNull();
  }

  @Test
  void agencyLeadAuthorisationWhereThePartnershipRequiresIt() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance authorised = refer(referral().with("partnership", "cambridgeshire-peterborough"));
    complete(authorised, AUTHORISE_REFERRAL, "referralAuthorised", "true");
    assertThat(task(authorised, INFORM_PARTNERS)).isNotNull();

    ProcessInstance withdrawn = refer(referral().with("partnership", "cambridgeshire-peterborough"));
    complete(withdrawn, AUTHORISE_REFERRAL, "referralAuthorised", "false", "authorisationNote", "Not a serious incident");
    assertThat(ended(withdrawn, END_WITHDRAWN)).isTrue();

    ProcessInstance northLincs = refer(referral());
    assertThat(task(northLincs, AUTHORISE_REFERRAL)).isNull();
  }

  @Test
  void aMissedDeadlineIsRecordedAndEscalatedAndTheCaseContinues() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    EngineClock.setTo("2026-12-23T23:59"); // not yet due
    assertThat(Jobs.executeDue(management, instance.getId())).isZero();

    EngineClock.setTo("2026-12-24T00:00:30");
    assertThat(Jobs.executeDue(management, instance.getId())).isEqualTo(1);
    Task escalation = task(instance, ESCALATE_MISSED_DEADLINE);
    assertThat(escalation.getName()).isEqualTo(instance.getBusinessKey() + " · Escalate missed deadline: Inform the delegated safeguarding partners and senior leads — due 29 Dec 2026");
    assertThat((List<Object>) variable(instance, "deadlinesBreached"))
        .containsExactly("Inform the delegated safeguarding partners and senior leads");
    assertThat(task(instance, INFORM_PARTNERS)).as("the case continues").isNotNull();
    assertThat(escalation.getDueDate()).as("the next working day, after Christmas").isEqualTo(endOf("2026-12-29"));
    complete(instance, ESCALATE_MISSED_DEADLINE, "escalationAction", "Coordinator chased; letters sent 24 Dec");
  }

  @Test
  void anEscalationClosesItselfWhenTheLateStepIsDone() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral());
    EngineClock.setTo("2026-12-24T00:00:30");
    Jobs.executeDue(management, instance.getId());
    String escalation = task(instance, ESCALATE_MISSED_DEADLINE).getId();

    complete(instance, INFORM_PARTNERS, "partnersInformedConfirmed", true);

    assertThat(task(instance, ESCALATE_MISSED_DEADLINE)).isNull();
    assertThat(history.createHistoricTaskInstanceQuery().taskId(escalation).finished().count()).isOne();
    assertThat(variable(instance, "escalationAction")).isEqualTo("Closed on its own: the step was done.");
    assertThat((List<Object>) variable(instance, "deadlinesBreached")).as("the breach stays recorded")
        .containsExactly("Inform the delegated safeguarding partners and senior leads");
  }

  @Test
  void badReferralsAreRefusedAndNothingIsCreated() {
    EngineClock.setTo("2026-12-22T10:00");
    long before = history.createHistoricProcessInstanceQuery().count();
    assertRefused(referral().with("awareOfIncidentAt", "2026-12-23T09:00"), "awareOfIncidentAt: cannot be in the future");
    assertRefused(referral().with("awareOfIncidentAt", "2026-12-19T09:00"), "awareOfIncidentAt: cannot be before the incident");
    assertRefused(referral().without("incidentSummary"), "incidentSummary: is required");
    assertRefused(referral().with("partnership", "atlantis"), "partnership");
    assertRefused(referral().with("incidentLocation", "MARS"), "incidentLocation: must be one of");
    assertRefused(referral().with("awareOfIncidentAt", "2026-02-30T10:00"), "awareOfIncidentAt");
    assertRefused(referral().child("age", "seven"), "children[1].age: must be a whole number");
    assertRefused(referral().child("seriouslyHarmed", false), "children: at least one child");
    assertRefused(referral().child().child().child().child().child(), "children: must have between 1 and 4");
    assertRefused(referral().with("incidentSummary", "x".repeat(4001)), "incidentSummary: must be at most 4000");
    assertThat(history.createHistoricProcessInstanceQuery().count()).isEqualTo(before);
  }

  private void assertRefused(Referrals referral, String message) {
    assertThatThrownBy(() -> refer(referral)).hasMessageContaining(message);
  }

  @Test
  void submittedFieldsOutsideTheReferralFormAreNotStored() {
    EngineClock.setTo("2026-12-22T10:00");
    ProcessInstance instance = refer(referral().with("childFullName", "should not be kept"));
    assertThat(runtime.getVariable(instance.getId(), "childFullName")).isNull();
  }
}
