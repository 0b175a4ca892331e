package uk.cspr.workflow.lcspr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.springframework.beans.factory.annotation.Autowired;
import uk.cspr.workflow.config.ProcessKeys;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.parallel.ParallelReviews;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.QueuedCorrespondence;
import uk.cspr.workflow.support.QueuedCorrespondence.Queued;

/**
 * The criminal-proceedings contract end to end with the real parallelReviewInterface: its tracking
 * of a criminal investigation pauses and resumes the running review of the case, and a pause
 * recorded before the review started is inherited by it.
 */
@CsprSpringBootTest
class LcsprCriminalProceedingsContractTest {

  static final String NL = "north-lincolnshire";
  static final String CRIMINAL_INVESTIGATION = "CRIMINAL_INVESTIGATION";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired ParallelReviews parallelReviews;

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  @Test
  void theParallelReviewsInterfacePausesAndResumesTheRunningReview() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase();
    ProcessInstance review = review(caseReference);
    ProcessInstance parallel = criminalInvestigation(caseReference);

    track(parallel, "trackingUpdate", "PROCEEDINGS_PAUSED", "trackingNote", "SIO asked us to wait",
        "pauseFamilyEngagement", true, "pausePublication", true, "pauseReason", "Trial listed for June 2027");
    assertThat(runtime.getVariable(review.getId(), "familyEngagementPaused")).isEqualTo(true);
    assertThat(runtime.getVariable(review.getId(), "publicationPaused")).isEqualTo(true);
    assertThat(runtime.getVariable(review.getId(), "pauseReason")).isEqualTo("Trial listed for June 2027");
    assertThat(QueuedCorrespondence.of(history, review.getId())).extracting(Queued::activityId)
        .contains(LcsprProcess.Elements.SEND_PROCEEDINGS_DELAY_NOTICE);

    track(parallel, "trackingUpdate", "PROCEEDINGS_CONCLUDED", "trackingNote", "Verdict given");
    assertThat(runtime.getVariable(review.getId(), "familyEngagementPaused")).isEqualTo(false);
    assertThat(runtime.getVariable(review.getId(), "publicationPaused")).isEqualTo(false);
    assertThat(task(review, LcsprProcess.Elements.CONFIRM_PUBLICATION_DATE_AFTER_PROCEEDINGS)).isNotNull();
    assertThat((List<?>) runtime.getVariable(review.getId(), "criminalProceedingsLog")).hasSize(2);
  }

  @Test
  void aPauseRecordedBeforeTheReviewStartedIsInherited() {
    EngineClock.setTo("2026-12-24T12:00");
    String caseReference = notifiedCase();
    ProcessInstance parallel = criminalInvestigation(caseReference);
    track(parallel, "trackingUpdate", "PROCEEDINGS_PAUSED", "trackingNote", "SIO advice",
        "pauseFamilyEngagement", true, "pauseReason", "Charging decision awaited");

    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = review(caseReference);
    assertThat(runtime.getVariable(review.getId(), "familyEngagementPaused")).isEqualTo(true);
    assertThat(runtime.getVariable(review.getId(), "publicationPaused")).isEqualTo(false);
    assertThat(runtime.getVariable(review.getId(), "pauseReason")).isEqualTo("Charging decision awaited");

    track(parallel, "trackingUpdate", "PROCEEDINGS_CONCLUDED", "trackingNote", "Charged; no objection to contact");
    assertThat(runtime.getVariable(review.getId(), "familyEngagementPaused")).isEqualTo(false);
  }

  // ------------------------------------------------------------------ fixtures

  private ProcessInstance review(String caseReference) {
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", NL);
    values.put("caseReference", caseReference);
    values.put("statutory", true);
    return runtime.startProcessInstanceByKey(LcsprProcess.KEY, caseReference, values);
  }

  /** A case of the partnership: a serious incident notification referred as Tasklist submits it. */
  private String notifiedCase() {
    Map<String, Object> referral = new HashMap<>();
    referral.put("partnership", NL);
    referral.put("referringAgency", "Humberside Police");
    referral.put("referrerName", "DS A. Officer");
    referral.put("referrerEmail", "officer@police.example");
    referral.put("incidentDate", "2026-12-20");
    referral.put("awareOfIncidentAt", "2026-12-20T09:30");
    referral.put("abuseOrNeglectKnownOrSuspected", "true");
    referral.put("incidentLocation", "IN_AREA");
    referral.put("incidentSummary", "Child seriously injured; a relative was arrested.");
    referral.put("children", List.of(Map.of("age", 4, "sex", "MALE", "ethnicity", "White British", "seriouslyHarmed", true)));
    return runtime.startProcessInstanceByKey(ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION, referral).getBusinessKey();
  }

  /** The interface with parallel reviews for a criminal investigation, working agreed. */
  private ProcessInstance criminalInvestigation(String caseReference) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("awareOfIncidentAt", "2026-12-20T09:30");
    facts.put("victimDied", "false");
    facts.put("victimAge", "4");
    facts.put("perpetratorRelationship", "OTHER");
    facts.put("mappaLevel", "0");
    facts.put("offenceCategory", "NONE");
    facts.put("criminalInvestigation", "true");
    ProcessInstance parallel = parallelReviews.start(caseReference, NL, facts);
    Jobs.executeDue(management, parallel.getId());
    Map<String, Object> agreement = new HashMap<>(Map.of("agreedWith", "DCI Example, senior investigating officer",
        "agreedAt", "2026-12-23"));
    for (String area : ParallelReviewProcess.WORKING_AREAS) {
      agreement.put(area + "Working", "PARALLEL");
      agreement.put(area + "Notes", "Agreed at the strategy meeting");
    }
    tasks.complete(openFor(parallel, ParallelReviewProcess.Elements.AGREE_WORKING).getId(), agreement);
    return parallel;
  }

  private void track(ProcessInstance parallel, Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    tasks.complete(openFor(parallel, ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED).getId(), values);
    Jobs.executeDue(management, parallel.getId());
  }

  private Task openFor(ProcessInstance parallel, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(parallel.getId()).taskDefinitionKey(taskKey).list().stream()
        .filter(task -> CRIMINAL_INVESTIGATION.equals(runtime.getVariable(task.getExecutionId(), "review")))
        .findFirst().orElseThrow(() -> new AssertionError("no open " + taskKey));
  }

  private Task task(ProcessInstance review, String key) {
    return tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(key).singleResult();
  }
}
