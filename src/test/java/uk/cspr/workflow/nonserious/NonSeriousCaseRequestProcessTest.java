package uk.cspr.workflow.nonserious;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess.Elements.*;
import static uk.cspr.workflow.support.EngineClock.endOf;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.QueuedCorrespondence;
import uk.cspr.workflow.support.QueuedCorrespondence.Queued;

/** SPEC §3.4 with the real engine, calendar, local timescales and outbox. */
@CsprSpringBootTest
class NonSeriousCaseRequestProcessTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;

  private String callerDeployment;

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
  }

  @AfterEach
  void tearDown() {
    EngineClock.reset();
    if (callerDeployment != null) {
      repository.deleteDeployment(callerDeployment, true);
    }
  }

  @Test
  void anAgencysRequestGetsACaseReferenceAndTheLocalDeadlines() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    assertThat(request.getBusinessKey()).matches("NL-2027-\\d{4}");
    assertThat(variable(request, "caseReference")).isEqualTo(request.getBusinessKey());
    assertThat(request.getTenantId()).isEqualTo("north-lincolnshire");
    // Fri 15 Jan 2027: 10 working days (nonSerious.sslRecommendation) is Fri 29 Jan,
    // 15 working days (nonSerious.partnersDecision) is Fri 5 Feb
    assertThat(variable(request, "sslRecommendationDueAt")).isEqualTo(endOf("2027-01-29"));
    assertThat(variable(request, "partnersDecisionDueAt")).isEqualTo(endOf("2027-02-05"));
    assertThat(runtime.getVariable(request.getId(), "childFullName")).as("minimum necessary data").isNull();

    complete(request, CHECK_REQUEST, "requestChecked", true);
    assertThat(queued(request)).extracting(Queued::activityId, Queued::to, Queued::letters)
        .containsExactly(tuple(INFORM_PARTNERS_OF_REQUEST, "DELEGATED_PARTNERS,SENIOR_LEADS", "nonSeriousRequest"));
    Task recommend = task(request, RECOMMEND_REVIEW);
    assertThat(recommend.getDueDate()).isEqualTo(endOf("2027-01-29"));
    assertThat(recommend.getName()).isEqualTo(request.getBusinessKey() + " · Recommend whether to review — due 29 Jan 2027");
  }

  @Test
  void partnersAgreeALocalReview_familyConsentFirst_noConsentIsExplainedToTheRequester() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    decide(request, "LCSPR_NON_STATUTORY");

    ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
    assertThat(review.getBusinessKey()).isEqualTo(request.getBusinessKey());
    assertThat(review.getTenantId()).isEqualTo("north-lincolnshire");
    assertThat(runtime.getVariable(review.getId(), "statutory")).isEqualTo(false);
    assertThat(runtime.getVariable(review.getId(), "lcsprDecidedAt")).isEqualTo(variable(request, "partnersDecidedAt"));
    assertThat(runtime.getVariable(review.getId(), "lcsprPublicationDueAt")).isEqualTo(endOf("2027-07-15"));
    Task consent = tasks.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LcsprProcess.Elements.RECORD_FAMILY_CONSENT).singleResult();
    tasks.complete(consent.getId(), Map.of("familyConsent", "false", "familyConsentGivenBy", "Father",
        "familyConsentRationale", "Father does not want the case revisited"));

    BpmnAwareTests.assertThat(request).isEnded().hasPassed(END_NO_FAMILY_CONSENT);
    assertThat(variable(request, "lcsprOutcome")).isEqualTo("NO_FAMILY_CONSENT");
    assertThat(queued(request)).extracting(Queued::activityId, Queued::to, Queued::letters)
        .contains(tuple(INFORM_REQUESTER_NO_CONSENT, "REFERRER", "nonSeriousNoFamilyConsent"));
    assertThat(QueuedCorrespondence.of(history, review.getId())).as("no Panel, DfE or Ofsted").isEmpty();
  }

  @Test
  void aLocalReviewWithConsentRunsAsTheNonStatutoryVariant() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    decide(request, "LCSPR_NON_STATUTORY");
    ProcessInstance review = runtime.createProcessInstanceQuery().superProcessInstanceId(request.getId()).singleResult();
    Task consent = tasks.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LcsprProcess.Elements.RECORD_FAMILY_CONSENT).singleResult();
    tasks.complete(consent.getId(), Map.of("familyConsent", "true", "familyConsentGivenBy", "Mother"));
    assertThat(tasks.createTaskQuery().processInstanceId(review.getId())
        .taskDefinitionKey(LcsprProcess.Elements.COMMISSION_REVIEWER).count()).isEqualTo(1);
    BpmnAwareTests.assertThat(request).isWaitingAt(CALL_LCSPR);
  }

  @Test
  void notAgreedIsExplainedToTheRequesterWithTheRationale() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    decide(request, "NOT_AGREED");
    BpmnAwareTests.assertThat(request).isEnded().hasPassed(END_REQUEST_NOT_AGREED);
    assertThat(queued(request)).extracting(Queued::activityId, Queued::to, Queued::cc, Queued::letters)
        .contains(tuple(INFORM_REQUESTER_NOT_AGREED, "REFERRER", "BUSINESS_UNIT", "nonSeriousRequestNotAgreed"));
    assertThat(variable(request, "partnersRationale")).isEqualTo("Single agency matter already addressed");
  }

  @Test
  void aSingleAgencyReviewIsCommissionedAndRecorded() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    decide(request, "SINGLE_AGENCY_REVIEW");
    assertThatThrownBy(() -> commissionLearningReview(request, "2027-01-14"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("learningReviewDueOn: cannot be in the past");
    commissionLearningReview(request, "2027-04-30");
    BpmnAwareTests.assertThat(request).isEnded().hasPassed(END_LEARNING_REVIEW_COMMISSIONED);
  }

  @Test
  void startedFromTheNotificationWithOutcomeD_theDecisionIsNotTakenAgain() {
    EngineClock.setTo("2027-01-15T10:00");
    callerDeployment = repository.createDeployment().addClasspathResource("bpmn/notificationOutcomeCaller.bpmn")
        .deploy().getId();
    Map<String, Object> notification = new HashMap<>();
    notification.put("caseReference", "NL-2027-0999");
    notification.put("partnership", "north-lincolnshire");
    notification.put("referringAgency", "St Mary's Primary School");
    notification.put("referrerEmail", "dsl@school.example");
    notification.put("outcome", "MULTI_AGENCY_REVIEW");
    notification.put("outcomeRationale", "Learning for schools and health; criteria not met");
    ProcessInstance caller = runtime.startProcessInstanceByKey("testNotificationOutcomeCaller", "NL-2027-0999", notification);

    ProcessInstance request = runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    assertThat(request.getBusinessKey()).isEqualTo("NL-2027-0999");
    assertThat(variable(request, "partnersDecision")).isEqualTo("MULTI_AGENCY_LEARNING_REVIEW");
    assertThat(variable(request, "partnersRationale")).isEqualTo("Learning for schools and health; criteria not met");
    assertThat(task(request, RECOMMEND_REVIEW)).isNull();
    assertThat(task(request, CHECK_REQUEST)).isNull();
    commissionLearningReview(request, "2027-05-28");
    BpmnAwareTests.assertThat(request).isEnded().hasPassed(END_LEARNING_REVIEW_COMMISSIONED)
        .hasNotPassed(RECOMMEND_REVIEW, DECIDE_REVIEW, INFORM_PARTNERS_OF_REQUEST);
    assertThat(queued(request)).isEmpty();
  }

  @Test
  void badRequestsAreRefusedAndNothingIsCreated() {
    EngineClock.setTo("2027-01-15T10:00");
    long before = history.createHistoricProcessInstanceQuery().processDefinitionKey(NonSeriousCaseRequestProcess.KEY).count();
    assertThatThrownBy(() -> request(Map.of("discussedWithSeniorLead", false)))
        .hasMessageContaining("discussedWithSeniorLead: discuss the case with a safeguarding senior lead");
    assertThatThrownBy(() -> request(Map.of("requestCategory", "SERIOUS_CASE"))).hasMessageContaining("requestCategory");
    assertThatThrownBy(() -> request(Map.of("referrerEmail", "not-an-address"))).hasMessageContaining("referrerEmail");
    assertThatThrownBy(() -> request(Map.of("requestSummary", " "))).hasMessageContaining("requestSummary: is required");
    assertThatThrownBy(() -> request(Map.of("outcome", "NOTIFY_AND_RAPID_REVIEW", "caseReference", "NL-2027-0998")))
        .hasMessageContaining("outcome: must be SINGLE_AGENCY_REVIEW or MULTI_AGENCY_REVIEW");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(NonSeriousCaseRequestProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void aMissedRecommendationDeadlineIsRecordedAndEscalated() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance request = request(Map.of());
    complete(request, CHECK_REQUEST, "requestChecked", true);
    EngineClock.setTo("2027-01-30T00:00:30");
    Jobs.executeDue(management, request.getId());
    assertThat(variable(request, "deadlinesBreached")).asList().containsExactly("Recommend whether to review");
    assertThat(task(request, ESCALATE_MISSED_DEADLINE).getName())
        .isEqualTo(request.getBusinessKey() + " · Escalate missed deadline: Recommend whether to review — due 1 Feb 2027");
    assertThat(task(request, RECOMMEND_REVIEW)).as("the case continues").isNotNull();
  }

  // ------------------------------------------------------------------ helpers

  ProcessInstance request(Map<String, Object> overrides) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("partnership", "north-lincolnshire");
    values.put("referringAgency", "Northern Lincolnshire and Goole NHS Foundation Trust");
    values.put("referrerName", "R. Nurse, named nurse for safeguarding");
    values.put("referrerEmail", "named.nurse@nhs.example");
    values.put("requestCategory", "NEAR_MISS");
    values.put("requestSummary", "Baby discharged without the planned pre-discharge meeting; no harm.");
    values.put("discussedWithSeniorLead", true);
    values.put("seniorLeadConsulted", "Designated nurse");
    values.put("childFullName", "should not be kept");
    values.putAll(overrides);
    return runtime.startProcessInstanceByKey(NonSeriousCaseRequestProcess.KEY, values);
  }

  void decide(ProcessInstance request, String decision) {
    complete(request, CHECK_REQUEST, "requestChecked", true);
    complete(request, RECOMMEND_REVIEW, "sslRecommendation", decision, "sslRationale", "Senior leads' reasons");
    complete(request, DECIDE_REVIEW, "partnersDecision", decision,
        "partnersRationale", decision.equals("NOT_AGREED") ? "Single agency matter already addressed" : "Local learning");
  }

  void commissionLearningReview(ProcessInstance request, String dueOn) {
    complete(request, COMMISSION_LEARNING_REVIEW, "leadAgency", "Northern Lincolnshire and Goole NHS FT",
        "learningReviewLead", "Head of safeguarding", "learningReviewMethodology", "REFLECTIVE_LEARNING",
        "learningReviewDueOn", dueOn);
  }

  Task task(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
  }

  void complete(ProcessInstance instance, String key, Object... variables) {
    Task task = task(instance, key);
    assertThat(task).as("open task " + key).isNotNull();
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    tasks.complete(task.getId(), values);
  }

  Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  List<Queued> queued(ProcessInstance instance) {
    return QueuedCorrespondence.of(history, instance.getId());
  }
}
