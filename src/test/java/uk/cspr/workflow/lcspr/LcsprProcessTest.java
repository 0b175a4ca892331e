package uk.cspr.workflow.lcspr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static uk.cspr.workflow.lcspr.LcsprProcess.Elements.*;
import static uk.cspr.workflow.support.EngineClock.endOf;
import static uk.cspr.workflow.support.EngineClock.londonDate;
import static uk.cspr.workflow.support.SpecMailboxes.OFSTED;
import static uk.cspr.workflow.support.SpecMailboxes.PANEL;
import static uk.cspr.workflow.support.SpecMailboxes.SECRETARY_OF_STATE;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.FieldMessages;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.OutboxLog;
import uk.cspr.workflow.support.QueuedCorrespondence;
import uk.cspr.workflow.support.QueuedCorrespondence.Queued;

/**
 * SPEC §3.3 with the real engine, calendar, local timescales and outbox; time moved with the
 * engine clock, timers executed explicitly.
 */
@CsprSpringBootTest
class LcsprProcessTest {

  static final String PANEL_AND_NATIONAL = "PANEL,OFSTED,SECRETARY_OF_STATE";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired JdbcTemplate jdbc;

  private final PanelDecisionStandIn panelDecision = new PanelDecisionStandIn();

  @BeforeEach
  void setUp() {
    AbstractAssertions.init(engine);
    panelDecision.deployUnlessReal(repository);
  }

  @AfterEach
  void tearDown() {
    EngineClock.reset();
    panelDecision.undeploy(repository);
  }

  // ------------------------------------------------------------------ end to end

  @Test
  void statutoryReviewFromDecisionToClosureInformsThePanelOfstedAndDfeAtEachStatutoryPoint() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    assertThat(review.getBusinessKey()).matches("NL-2027-\\d{4}");
    assertThat(variable(review, "caseReference")).isEqualTo(review.getBusinessKey());
    assertThat(variable(review, "lcsprPublicationDueAt")).isEqualTo(endOf("2027-07-15"));
    assertThat(londonDate(variable(review, "plannedPublicationDate"))).isEqualTo(LocalDate.of(2027, 7, 15));
    // Thu 15 Jul 2027: 7 working days before is Tue 6 Jul
    assertThat(variable(review, "finalReportToPanelDueAt")).isEqualTo(endOf("2027-07-06"));
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to)
        .containsExactly(tuple(INFORM_PANEL_OF_DECISION, PANEL_AND_NATIONAL));

    commissionReviewer(review);
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to, Queued::template)
        .contains(tuple(INFORM_PANEL_OF_REVIEWER, PANEL_AND_NATIONAL, "lcsprReviewerCommissioned"));
    agreeTermsOfReference(review);
    EngineClock.setTo("2027-01-20T10:00");
    complete(review, ENDORSE_TERMS_OF_REFERENCE, "termsOfReferenceEndorsed", "true");

    // 20 working days (local timescale lcspr.agencyChronologies) from Wed 20 Jan 2027 is Wed 17 Feb
    assertThat(variable(review, "agencyChronologiesDueAt")).isEqualTo(endOf("2027-02-17"));
    List<Task> chronologies = open(review, RETURN_AGENCY_CHRONOLOGY);
    assertThat(chronologies).extracting(Task::getName).containsExactlyInAnyOrder(
        review.getBusinessKey() + " · Return chronology and agency report: Humberside Police — due 17 Feb 2027",
        review.getBusinessKey() + " · Return chronology and agency report: North Lincolnshire children's services — due 17 Feb 2027");
    assertThat(chronologies).allSatisfy(task -> assertThat(task.getDueDate()).isEqualTo(endOf("2027-02-17")));

    EngineClock.setTo("2027-02-10T10:00");
    engageFamilyAndPractitioners(review);
    returnChronologies(review);
    EngineClock.setTo("2027-04-01T10:00");
    submitDraft(review);
    // 15 working days (lcspr.panelFeedback) from Thu 1 Apr 2027 is Thu 22 Apr
    assertThat(task(review, GIVE_PANEL_FEEDBACK).getDueDate()).isEqualTo(endOf("2027-04-22"));
    complete(review, GIVE_PANEL_FEEDBACK, "panelFeedback", "Clarify the timeline of health visits.");
    complete(review, SUBMIT_FINAL_REPORT, "finalReportReference", "DOC-FINAL-1", "finalReportChanges", "Timeline clarified",
        "caseThemes", List.of("neglect"),
        "reviewRecommendations", recommendations());
    assertThatThrownBy(() -> complete(review, ENDORSE_FINAL_REPORT, "finalReportEndorsed", "false"))
        .hasMessageContaining("finalReportComments: is required when the report is not endorsed");
    complete(review, ENDORSE_FINAL_REPORT, "finalReportEndorsed", "false", "finalReportComments", "Shorten the background");
    EngineClock.setTo("2027-05-03T10:00");
    complete(review, REVISE_FINAL_REPORT, "finalReportReference", "DOC-FINAL-2", "finalReportChanges", "Partners' comments",
        "reviewRecommendations", recommendations());
    complete(review, ENDORSE_FINAL_REPORT, "finalReportEndorsed", "true");
    complete(review, DECIDE_PUBLICATION, "publicationDecision", "FULL_REPORT", "publicationImpactConsidered", true);

    Task sendReport = task(review, SEND_FINAL_REPORT);
    assertThat(sendReport.getDueDate()).isEqualTo(endOf("2027-07-06"));
    assertThat(sendReport.getName()).isEqualTo(review.getBusinessKey() + " · Prepare the report for the Panel, DfE and Ofsted — due 6 Jul 2027");
    EngineClock.setTo("2027-07-01T10:00");
    complete(review, SEND_FINAL_REPORT, "reportDocumentReference", "https://files.example/nl/final", "reportReadyConfirmed", true);
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to, Queued::template, Queued::letters)
        .contains(tuple(SEND_FINAL_REPORT_TO_PANEL, "PANEL,SECRETARY_OF_STATE,OFSTED", "lcsprFinalReport", "lcsprFinalReportCover"));

    EngineClock.setTo("2027-07-15T12:00");
    publish(review, "2027-07-15");
    assertThat(variable(review, "availableUntil")).isEqualTo(endOf("2028-07-15"));
    // 7-minute briefing (issue 19.3): 20 working days after publication on Thu 15 Jul 2027 is Thu 12 Aug
    Task briefing = task(review, SHARE_LEARNING);
    assertThat(briefing.getName()).isEqualTo(review.getBusinessKey() + " · Share the learning: 7-minute briefing — due 12 Aug 2027");
    assertThat(briefing.getDueDate()).isEqualTo(endOf("2027-08-12"));
    assertThat(candidateGroups(briefing)).containsExactly("business-unit");
    complete(review, SHARE_LEARNING, "briefingSharings", List.of(sharing("2027-07-15")));
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to)
        .contains(tuple(SUBMIT_TO_NSPCC, "NSPCC"), tuple(SEND_REPORT_TO_YOUTH_JUSTICE_BOARD, "BUSINESS_UNIT"));

    complete(review, AGREE_ACTION_PLAN, "actionPlan", List.of(action("Audit strategy meeting attendance", null)),
        "actionPlanSmart", true);
    EngineClock.setTo("2027-10-15T11:59");
    Jobs.executeDue(management, review.getId());
    assertThat(task(review, REVIEW_ACTION_PLAN)).as("monitoring every 3 months").isNull();
    EngineClock.setTo("2027-10-15T12:01");
    Jobs.executeDue(management, review.getId());
    complete(review, REVIEW_ACTION_PLAN, "actionPlan", List.of(action("Audit strategy meeting attendance", "IN_PROGRESS")),
        "recommendationProgress", progress("IN_PROGRESS"));
    assertThat(variable(review, "actionPlanComplete")).isEqualTo(false);
    EngineClock.setTo("2028-01-15T12:02");
    Jobs.executeDue(management, review.getId());
    complete(review, REVIEW_ACTION_PLAN, "actionPlan", List.of(action("Audit strategy meeting attendance", "COMPLETE")),
        "recommendationProgress", progress("IN_PROGRESS"));
    complete(review, SIGN_OFF_ACTION_PLAN, "actionPlanSignedOff", true, "independentScrutinyRequested", "true",
        "recommendationProgress", progress("IMPLEMENTED"));
    complete(review, AUDIT_IMPROVEMENTS, "auditDate", "2028-02-01", "improvementsEmbedded", "true",
        "auditFindings", "Attendance audited in 20 cases");

    EngineClock.setTo("2028-07-15T23:59");
    Jobs.executeDue(management, review.getId());
    assertThat(task(review, REVIEW_REPORT_AVAILABILITY)).as("available for at least one year").isNull();
    EngineClock.setTo("2028-07-16T00:00:30");
    Jobs.executeDue(management, review.getId());
    complete(review, REVIEW_REPORT_AVAILABILITY, "reportRemainsAvailable", "false",
        "availabilityNote", "Archived; available on request");

    BpmnAwareTests.assertThat(review).isEnded().hasPassedInOrder(
        INFORM_PANEL_OF_DECISION, COMMISSION_REVIEWER, INFORM_PANEL_OF_REVIEWER, AGREE_TERMS_OF_REFERENCE,
        ENDORSE_TERMS_OF_REFERENCE, CONDUCT_REVIEW, ENDORSE_FINAL_REPORT, DECIDE_PUBLICATION, SEND_FINAL_REPORT,
        SEND_FINAL_REPORT_TO_PANEL, PUBLISH_REPORT, SUBMIT_TO_NSPCC, SHARE_LEARNING, END_REVIEW_CLOSED);
    assertThat(variable(review, "lcsprOutcome")).isEqualTo("REVIEW_CLOSED");
    assertThat(variable(review, "deadlinesBreached")).asList().isEmpty();
    assertThat(OutboxLog.forCase(jdbc, review.getBusinessKey()))
        .filteredOn(entry -> entry.activityId().equals(SEND_FINAL_REPORT_TO_PANEL)).singleElement()
        .satisfies(entry -> {
          assertThat(entry.to()).containsExactly(PANEL, SECRETARY_OF_STATE, OFSTED);
          assertThat(entry.subject()).contains(review.getBusinessKey());
        });
  }

  @Test
  void publishingOnlyTheImprovementsIsJustifiedToThePanelAndDfe() {
    EngineClock.setTo("2027-05-03T10:00");
    ProcessInstance review = start(true);
    runtime.createProcessInstanceModification(review.getId()).startBeforeActivity(DECIDE_PUBLICATION).execute();
    assertThatThrownBy(() -> complete(review, DECIDE_PUBLICATION, "publicationDecision", "IMPROVEMENTS_ONLY",
        "publicationImpactConsidered", true)).hasMessageContaining("nonPublicationJustification: is required");
    assertThatThrownBy(() -> complete(review, DECIDE_PUBLICATION, "publicationDecision", "FULL_REPORT",
        "publicationImpactConsidered", false)).hasMessageContaining("publicationImpactConsidered: must be confirmed");
    complete(review, DECIDE_PUBLICATION, "publicationDecision", "IMPROVEMENTS_ONLY", "publicationImpactConsidered", true,
        "nonPublicationJustification", "The surviving sibling could be identified");
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to, Queued::letters)
        .contains(tuple(SEND_PUBLICATION_JUSTIFICATION, "PANEL,SECRETARY_OF_STATE", "lcsprPublicationJustification"));
    complete(review, SEND_FINAL_REPORT, "reportDocumentReference", "DOC-IMPROVEMENTS", "reportReadyConfirmed", true);
    assertThat(queued(review)).extracting(Queued::activityId).contains(SEND_FINAL_REPORT_TO_PANEL);
  }

  // ------------------------------------------------------------------ publication timetable

  @Test
  void reportDueSevenWorkingDaysBeforePublication_Tue1Jun2027SkipsSpringBankHolidayMon31May_soThu20May2027() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    // Publication Tue 1 Jun 2027. Counting back: Mon 31 May is the spring bank holiday, so
    // Fri 28 (1), Thu 27 (2), Wed 26 (3), Tue 25 (4), Mon 24 (5), Fri 21 (6), Thu 20 May (7).
    changePlannedPublicationDate(review, "2027-06-01", null);
    assertThat(variable(review, "finalReportToPanelDueAt")).isEqualTo(endOf("2027-05-20"));
    assertThat(queued(review)).extracting(Queued::template).doesNotContain("lcsprDelayNotice");
  }

  @Test
  void changingThePlannedDateMovesTheReportDeadlineTheOpenTaskAndItsTimer() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    changePlannedPublicationDate(review, "2027-06-01", null);
    runtime.createProcessInstanceModification(review.getId()).startBeforeActivity(SEND_FINAL_REPORT).execute();
    assertThat(task(review, SEND_FINAL_REPORT).getDueDate()).isEqualTo(endOf("2027-05-20"));

    // Tue 15 Jun 2027 -> Fri 4 Jun (Mon 14, Fri 11, Thu 10, Wed 9, Tue 8, Mon 7, Fri 4)
    changePlannedPublicationDate(review, "2027-06-15", null);
    assertThat(variable(review, "finalReportToPanelDueAt")).isEqualTo(endOf("2027-06-04"));
    Task sendReport = task(review, SEND_FINAL_REPORT);
    assertThat(sendReport.getDueDate()).isEqualTo(endOf("2027-06-04"));
    assertThat(sendReport.getName()).isEqualTo(review.getBusinessKey() + " · Prepare the report for the Panel, DfE and Ofsted — due 4 Jun 2027");
    Job overdue = management.createJobQuery().processInstanceId(review.getId()).activityId(FINAL_REPORT_OVERDUE).singleResult();
    assertThat(overdue.getDuedate()).isEqualTo(endOf("2027-06-04"));
  }

  @Test
  void aPlannedDateAfterSixMonthsNeedsReasonsAndTellsThePanelAndDfeOnce() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    correlate(LcsprProcess.Messages.PUBLICATION_DATE_CHANGE_REQUESTED, review, Map.of());
    assertThatThrownBy(() -> complete(review, UPDATE_PLANNED_PUBLICATION_DATE, "plannedPublicationDate", "2027-08-02"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining("delayReasons");
    assertThatThrownBy(() -> complete(review, UPDATE_PLANNED_PUBLICATION_DATE, "plannedPublicationDate", "2027-01-14"))
        .hasMessageContaining("plannedPublicationDate: cannot be in the past");
    complete(review, UPDATE_PLANNED_PUBLICATION_DATE, "plannedPublicationDate", "2027-08-02",
        "delayReasons", "Inquest listed for July");
    // Mon 2 Aug 2027 -> Thu 22 Jul (Fri 30, Thu 29, Wed 28, Tue 27, Mon 26, Fri 23, Thu 22)
    assertThat(variable(review, "finalReportToPanelDueAt")).isEqualTo(endOf("2027-07-22"));
    assertThat(delayNotices(review)).extracting(Queued::activityId, Queued::to, Queued::letters)
        .containsExactly(tuple(SEND_DELAY_NOTICE_ON_UPDATE, "PANEL,SECRETARY_OF_STATE", "lcsprDelayNotice"));
    assertThat(londonDate(variable(review, "delayNoticeSentFor"))).isEqualTo(LocalDate.of(2027, 8, 2));

    changePlannedPublicationDate(review, "2027-07-30", "Inquest listed for July");
    assertThat(delayNotices(review)).as("the Panel already knows of a later date").hasSize(1);
    changePlannedPublicationDate(review, "2027-09-06", "Inquest adjourned");
    assertThat(delayNotices(review)).hasSize(2);
  }

  @Test
  void sixMonthDeadline_decided15Jan2027_publishBy15Jul2027_warningFourWeeksBefore_thenDelayNoticeToPanelAndDfe() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    assertThat(variable(review, "lcsprPublicationDueAt")).isEqualTo(endOf("2027-07-15"));
    assertThat(variable(review, "publicationWarningAt"))
        .isEqualTo(Date.from(LocalDate.of(2027, 6, 17).atStartOfDay(EngineClock.LONDON).toInstant()));

    EngineClock.setTo("2027-06-16T23:59");
    Jobs.executeDue(management, review.getId());
    assertThat(task(review, CONFIRM_PUBLICATION_TIMETABLE)).isNull();
    EngineClock.setTo("2027-06-17T00:00:30");
    Jobs.executeDue(management, review.getId());
    Task warning = task(review, CONFIRM_PUBLICATION_TIMETABLE);
    assertThat(candidateGroups(warning)).containsExactlyInAnyOrder("business-unit", "managers");
    complete(review, CONFIRM_PUBLICATION_TIMETABLE, "plannedPublicationDate", "2027-07-15");
    assertThat(delayNotices(review)).isEmpty();

    EngineClock.setTo("2027-07-15T23:59");
    Jobs.executeDue(management, review.getId());
    assertThat(task(review, EXPLAIN_LATE_PUBLICATION)).isNull();
    EngineClock.setTo("2027-07-16T00:00:30");
    Jobs.executeDue(management, review.getId());
    assertThat(variable(review, "deadlinesBreached")).asList().containsExactly("Publish within six months of the decision");
    assertThat(candidateGroups(task(review, EXPLAIN_LATE_PUBLICATION))).containsExactlyInAnyOrder("business-unit", "managers");
    complete(review, EXPLAIN_LATE_PUBLICATION, "plannedPublicationDate", "2027-09-01",
        "delayReasons", "Reviewer ill for six weeks; family interviews rescheduled");
    assertThat(delayNotices(review)).extracting(Queued::activityId, Queued::to, Queued::template)
        .containsExactly(tuple(SEND_DELAY_NOTICE_WHEN_OVERDUE, "PANEL,SECRETARY_OF_STATE", "lcsprDelayNotice"));
    assertThat(variable(review, "delayReasons")).isEqualTo("Reviewer ill for six weeks; family interviews rescheduled");
  }

  @Test
  void sixMonthsPassedWhenThePanelAlreadyKnowsOfTheDelayIsEscalatedOnly() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    changePlannedPublicationDate(review, "2027-09-01", "Criminal trial in August");
    EngineClock.setTo("2027-07-16T00:00:30");
    Jobs.executeDue(management, review.getId());
    assertThat(task(review, EXPLAIN_LATE_PUBLICATION)).isNull();
    assertThat(task(review, ESCALATE_MISSED_DEADLINE).getName())
        .isEqualTo(review.getBusinessKey() + " · Escalate missed deadline: Publish within six months of the decision — due 19 Jul 2027");
    assertThat(delayNotices(review)).hasSize(1);
  }

  // ------------------------------------------------------------------ supervision

  @Test
  void writtenProgressRequestsToTheReviewerEveryMonthUntilTheFinalReport() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    assertThat(variable(review, "progressRequestInterval")).isEqualTo("P1M");
    startReview(review);
    Job cycle = progressTimer(review);
    assertThat(cycle.getDuedate()).isEqualTo(at("2027-02-15T10:00"));

    EngineClock.setTo("2027-02-15T10:00:30");
    Jobs.executeDue(management, review.getId());
    List<Task> requests = open(review, REPORT_PROGRESS);
    assertThat(requests).hasSize(1);
    // 10 working days from Mon 15 Feb 2027
    assertThat(requests.get(0).getDueDate()).isEqualTo(endOf("2027-03-01"));
    assertThat(progressTimer(review).getDuedate()).isEqualTo(at("2027-03-15T10:00"));
    complete(review, REPORT_PROGRESS, "progressSummary", "Agency reports analysed", "progressOnSchedule", "true");
    complete(review, ASSESS_PROGRESS, "progressSatisfactory", "true", "qualitySatisfactory", "true",
        "progressAssessment", "On track");

    EngineClock.setTo("2027-03-15T10:00:30");
    Jobs.executeDue(management, review.getId());
    assertThat(open(review, REPORT_PROGRESS)).as("second monthly request").hasSize(1);
    // 10 working days from Mon 15 Mar 2027 skip Good Friday 26 Mar and Easter Monday 29 Mar
    assertThat(task(review, REPORT_PROGRESS).getName()).isEqualTo(review.getBusinessKey() + " · Report progress in writing — due 31 Mar 2027");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(review.getId())
        .taskDefinitionKey(REPORT_PROGRESS).count()).isEqualTo(2);
  }

  @Test
  void progressRequestsStopWithTheFinalReportAndTheIntervalCanBeSetPerCase() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true, Map.of("progressRequestInterval", "P14D"));
    startReview(review);
    assertThat(progressTimer(review).getDuedate()).isEqualTo(at("2027-01-29T10:00"));
    EngineClock.setTo("2027-02-10T10:00");
    engageFamilyAndPractitioners(review);
    returnChronologies(review);
    submitDraft(review);
    complete(review, GIVE_PANEL_FEEDBACK, "panelFeedback", "Fine");
    complete(review, SUBMIT_FINAL_REPORT, "finalReportReference", "DOC-FINAL-1", "finalReportChanges", "None",
        "caseThemes", List.of("neglect"),
        "reviewRecommendations", recommendations());
    assertThat(management.createJobQuery().processInstanceId(review.getId()).activityId(PROGRESS_REQUEST).count()).isZero();

    assertThatThrownBy(() -> start(true, Map.of("progressRequestInterval", "monthly")))
        .hasMessageContaining("progressRequestInterval: must be a positive ISO 8601 duration");
  }

  @Test
  void learningIsRecordedAtAnyTimeAndNewInformationGoesToThePanel() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    correlate(LcsprProcess.Messages.LEARNING_IDENTIFIED, review, Map.of());
    complete(review, RECORD_LEARNING, "learningSummary", "Health visitor not told of the police call-out",
        "correctiveAction", "7-minute briefing to health visiting teams", "learningDisseminated", true);
    assertThat(variable(review, "learningLog")).asList().hasSize(1);
    assertThat(queued(review)).extracting(Queued::activityId).doesNotContain(SHARE_NEW_INFORMATION_WITH_PANEL);

    correlate(LcsprProcess.Messages.LEARNING_IDENTIFIED, review, Map.of());
    assertThatThrownBy(() -> complete(review, RECORD_LEARNING, "learningSummary", "Second sibling seen by GP",
        "nationalReviewSuggested", true)).hasMessageContaining("newInformationSummary: is required");
    complete(review, RECORD_LEARNING, "learningSummary", "Second sibling seen by GP", "nationalReviewSuggested", true,
        "newInformationSummary", "Pattern across three areas");
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to)
        .contains(tuple(SHARE_NEW_INFORMATION_WITH_PANEL, "PANEL"));
    ProcessInstance panel = panelDecision.instance(runtime, review);
    assertThat(panel.getBusinessKey()).isEqualTo(review.getBusinessKey());
    assertThat(runtime.getVariable(panel.getId(), "panelSubmissionSummary")).isEqualTo("Pattern across three areas");
    assertThat(runtime.getVariable(panel.getId(), "panelSubmittedAt")).isEqualTo(at("2027-01-15T10:00"));
    panelDecision.answer(tasks, panel, "LOCAL_DECISION_STANDS");

    BpmnAwareTests.assertThat(review).isActive().hasPassed(END_LOCAL_REVIEW_CONTINUES);
    assertThat(variable(review, "learningLog")).asList().hasSize(2);
    assertThat(task(review, COMMISSION_REVIEWER)).isNotNull();
  }

  @Test
  void aNationalReviewSupersedesTheLocalReview() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    commissionReviewer(review);
    correlate(LcsprProcess.Messages.LEARNING_IDENTIFIED, review, Map.of());
    complete(review, RECORD_LEARNING, "learningSummary", "Links to a national pattern", "nationalReviewSuggested", true,
        "newInformationSummary", "Same perpetrator in two other areas");
    panelDecision.answer(tasks, panelDecision.instance(runtime, review), "NATIONAL_REVIEW");

    BpmnAwareTests.assertThat(review).isEnded().hasPassed(END_SUPERSEDED_BY_NATIONAL_REVIEW);
    assertThat(variable(review, "lcsprOutcome")).isEqualTo("SUPERSEDED_BY_NATIONAL_REVIEW");
    assertThat(variable(review, "nationalReview")).isEqualTo(true);
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to)
        .contains(tuple(INFORM_PARTNERS_OF_NATIONAL_REVIEW, "DELEGATED_PARTNERS,SENIOR_LEADS"));
    assertThat(tasks.createTaskQuery().processInstanceId(review.getId()).count()).isZero();
  }

  // ------------------------------------------------------------------ criminal proceedings (contract with parallelReviewInterface)

  @Test
  void criminalProceedingsPauseFamilyEngagementAndPublicationUntilConcluded() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    commissionReviewer(review);
    agreeTermsOfReference(review);
    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, review, Map.of(
        "pauseReason", "SIO asks that the family is not approached before charge",
        "pausedAreas", List.of("FAMILY_ENGAGEMENT", "PUBLICATION")));
    assertThat(variable(review, "familyEngagementPaused")).isEqualTo(true);
    assertThat(variable(review, "publicationPaused")).isEqualTo(true);
    assertThat(delayNotices(review)).extracting(Queued::activityId, Queued::to)
        .containsExactly(tuple(SEND_PROCEEDINGS_DELAY_NOTICE, "PANEL,SECRETARY_OF_STATE"));
    assertThat(variable(review, "delayReasons"))
        .isEqualTo("Criminal proceedings: SIO asks that the family is not approached before charge");

    complete(review, ENDORSE_TERMS_OF_REFERENCE, "termsOfReferenceEndorsed", "true");
    BpmnAwareTests.assertThat(review).isWaitingAt(FAMILY_ENGAGEMENT_NOT_PAUSED);
    assertThat(task(review, PLAN_FAMILY_ENGAGEMENT)).isNull();
    assertThat(task(review, RECORD_PRACTITIONER_EVENTS)).as("the rest of the review goes on").isNotNull();

    EngineClock.setTo("2027-05-10T10:00");
    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_CONCLUDED, review, Map.of());
    assertThat(variable(review, "familyEngagementPaused")).isEqualTo(false);
    assertThat(variable(review, "publicationPaused")).isEqualTo(false);
    assertThat(task(review, PLAN_FAMILY_ENGAGEMENT)).isNotNull();
    complete(review, CONFIRM_PUBLICATION_DATE_AFTER_PROCEEDINGS, "plannedPublicationDate", "2027-10-04",
        "delayReasons", "Trial concluded 7 May; family interviews from June");
    assertThat(delayNotices(review)).extracting(Queued::activityId)
        .containsExactly(SEND_PROCEEDINGS_DELAY_NOTICE, SEND_DELAY_NOTICE_AFTER_PROCEEDINGS);
    assertThat(variable(review, "criminalProceedingsLog")).asList().hasSize(2);
  }

  @Test
  void publicationWaitsWhilePausedAndCannotBeRecordedMeanwhile() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, review, Map.of(
        "pauseReason", "Trial listed", "pausedAreas", "PUBLICATION"));
    assertThat(variable(review, "familyEngagementPaused")).isEqualTo(false);
    runtime.createProcessInstanceModification(review.getId())
        .startBeforeActivity(PUBLICATION_NOT_PAUSED).startBeforeActivity(PUBLISH_REPORT).execute();
    assertThat(task(review, DECIDE_PUBLICATION)).isNull();
    assertThatThrownBy(() -> complete(review, PUBLISH_REPORT, "publishedAt", "2027-01-15",
        "publicationUrl", "https://example.org/r", "reviewerNamedInPublication", true))
        .hasMessageContaining("publication is paused while criminal proceedings continue: Trial listed");

    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_CONCLUDED, review, Map.of());
    assertThat(task(review, DECIDE_PUBLICATION)).isNotNull();
  }

  @Test
  void aPauseMessageWithoutKnownAreasIsRefused() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    assertThatThrownBy(() -> correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, review,
        Map.of("pauseReason", "x", "pausedAreas", List.of("EVERYTHING")))).hasMessageContaining("pausedAreas");
    assertThatThrownBy(() -> correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, review,
        Map.of("pauseReason", "x", "pausedAreas", List.of()))).hasMessageContaining("pausedAreas");
  }

  // ------------------------------------------------------------------ non-statutory variant

  @Test
  void nonStatutoryWithoutFamilyConsentEndsWithTheRationale() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(false);
    assertThatThrownBy(() -> complete(review, RECORD_FAMILY_CONSENT, "familyConsent", "false",
        "familyConsentGivenBy", "Mother")).hasMessageContaining("familyConsentRationale");
    complete(review, RECORD_FAMILY_CONSENT, "familyConsent", "false", "familyConsentGivenBy", "Mother",
        "familyConsentRationale", "Mother does not want the case revisited");
    BpmnAwareTests.assertThat(review).isEnded().hasPassed(END_NO_FAMILY_CONSENT);
    assertThat(variable(review, "lcsprOutcome")).isEqualTo("NO_FAMILY_CONSENT");
    assertThat(queued(review)).isEmpty();
  }

  @Test
  void nonStatutoryReviewQueuesNothingForThePanelTheSecretaryOfStateOrOfsted() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(false);
    assertThat(variable(review, "statutory")).isEqualTo(false);
    complete(review, RECORD_FAMILY_CONSENT, "familyConsent", "true", "familyConsentGivenBy", "Both parents");
    commissionReviewer(review);
    agreeTermsOfReference(review);
    // everything that in a statutory review writes to the Panel, the Secretary of State or Ofsted
    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, review, Map.of(
        "pauseReason", "Trial", "pausedAreas", List.of("PUBLICATION")));
    correlate(LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_CONCLUDED, review, Map.of());
    complete(review, CONFIRM_PUBLICATION_DATE_AFTER_PROCEEDINGS, "plannedPublicationDate", "2027-08-02",
        "delayReasons", "Trial");
    assertThat(variable(review, "delayNoticeDue")).isEqualTo(false);
    correlate(LcsprProcess.Messages.LEARNING_IDENTIFIED, review, Map.of());
    assertThatThrownBy(() -> complete(review, RECORD_LEARNING, "learningSummary", "x", "nationalReviewSuggested", true,
        "newInformationSummary", "y")).hasMessageContaining("not shared with the Panel");
    complete(review, RECORD_LEARNING, "learningSummary", "Near miss shows good school practice");
    complete(review, ENDORSE_TERMS_OF_REFERENCE, "termsOfReferenceEndorsed", "true");
    EngineClock.setTo("2027-02-10T10:00");
    engageFamilyAndPractitioners(review);
    returnChronologies(review);
    submitDraft(review);
    complete(review, GIVE_PANEL_FEEDBACK, "panelFeedback", "Fine");
    complete(review, SUBMIT_FINAL_REPORT, "finalReportReference", "DOC-FINAL-1", "finalReportChanges", "None",
        "caseThemes", List.of("neglect"),
        "reviewRecommendations", recommendations());
    complete(review, ENDORSE_FINAL_REPORT, "finalReportEndorsed", "true");
    EngineClock.setTo("2027-07-16T00:00:30");
    Jobs.executeDue(management, review.getId()); // warning and six-month timers
    assertThat(task(review, EXPLAIN_LATE_PUBLICATION)).isNull();
    complete(review, CONFIRM_PUBLICATION_TIMETABLE, "plannedPublicationDate", "2027-08-02", "delayReasons", "Trial");
    complete(review, DECIDE_PUBLICATION, "publicationDecision", "IMPROVEMENTS_ONLY",
        "nonPublicationJustification", "Family could be identified", "publicationImpactConsidered", true);
    assertThat(task(review, SEND_FINAL_REPORT)).as("no report to the Panel, DfE and Ofsted").isNull();
    EngineClock.setTo("2027-08-02T12:00");
    publish(review, "2027-08-02");
    complete(review, AGREE_ACTION_PLAN, "actionPlan", List.of(action("Share good practice", null)), "actionPlanSmart", true);

    List<Queued> queued = queued(review);
    assertThat(queued).extracting(Queued::activityId).contains(SUBMIT_TO_NSPCC, REQUEST_AGENCY_CHRONOLOGIES);
    assertThat(queued).flatExtracting(Queued::addressees).doesNotContain("PANEL", "SECRETARY_OF_STATE", "OFSTED");
    // the outbox (what would actually be sent) holds no message to their mailboxes either
    List<OutboxLog.Entry> outbox = OutboxLog.forCase(jdbc, review.getBusinessKey());
    assertThat(outbox).hasSameSizeAs(queued);
    assertThat(outbox).flatExtracting(OutboxLog.Entry::addresses).isNotEmpty()
        .doesNotContain(PANEL, SECRETARY_OF_STATE, OFSTED);
    for (String statutoryOnly : List.of(INFORM_PANEL_OF_DECISION, INFORM_PANEL_OF_REVIEWER, SEND_PROCEEDINGS_DELAY_NOTICE,
        SEND_DELAY_NOTICE_AFTER_PROCEEDINGS, SEND_DELAY_NOTICE_AT_WARNING, SEND_DELAY_NOTICE_WHEN_OVERDUE,
        SEND_PUBLICATION_JUSTIFICATION, SEND_FINAL_REPORT, SEND_FINAL_REPORT_TO_PANEL, SHARE_NEW_INFORMATION_WITH_PANEL)) {
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(review.getId())
          .activityId(statutoryOnly).count()).as(statutoryOnly).isZero();
    }
  }

  // ------------------------------------------------------------------ server-side checks

  @Test
  void theReviewerMustMeetEveryWorkingTogetherCriterion() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    Map<String, Object> values = reviewer();
    values.put("reviewerNoConflictOfInterest", false);
    assertThatThrownBy(() -> complete(review, COMMISSION_REVIEWER, values))
        .hasMessageContaining("reviewerNoConflictOfInterest: must be confirmed");
    Map<String, Object> internal = reviewer();
    internal.put("reviewerSource", "INTERNAL");
    assertThatThrownBy(() -> complete(review, COMMISSION_REVIEWER, internal))
        .hasMessageContaining("independenceArrangements");
    internal.put("independenceArrangements", "Independent chair of the CSPR panel challenges the analysis");
    complete(review, COMMISSION_REVIEWER, internal);
  }

  @Test
  void termsOfReferenceMustAddressRaceEthnicityAndCulture() {
    EngineClock.setTo("2027-01-15T10:00");
    ProcessInstance review = start(true);
    commissionReviewer(review);
    Map<String, Object> unconfirmed = termsOfReference();
    unconfirmed.put("raceEthnicityCultureAddressed", false);
    assertThatThrownBy(() -> complete(review, AGREE_TERMS_OF_REFERENCE, unconfirmed))
        .hasMessageContaining("raceEthnicityCultureAddressed: must be confirmed");
    Map<String, Object> empty = termsOfReference();
    empty.put("raceEthnicityCultureEnquiry", "   ");
    assertThatThrownBy(() -> complete(review, AGREE_TERMS_OF_REFERENCE, empty))
        .hasMessageContaining("raceEthnicityCultureEnquiry: is required");
    Map<String, Object> noAgencies = termsOfReference();
    noAgencies.put("involvedAgencies", List.of());
    assertThatThrownBy(() -> complete(review, AGREE_TERMS_OF_REFERENCE, noAgencies))
        .hasMessageContaining("involvedAgencies: must have between 1 and 40");
    Map<String, Object> badMember = termsOfReference();
    badMember.put("panelMembers", List.of(Map.of("name", "A. Lead", "agency", "Police")));
    assertThatThrownBy(() -> complete(review, AGREE_TERMS_OF_REFERENCE, badMember))
        .hasMessageContaining("panelMembers[1].role: is required");
    Map<String, Object> period = termsOfReference();
    period.put("reviewPeriodTo", "2024-12-31");
    assertThatThrownBy(() -> complete(review, AGREE_TERMS_OF_REFERENCE, period)).hasMessageContaining("reviewPeriodTo");
    complete(review, AGREE_TERMS_OF_REFERENCE, termsOfReference());
    assertThat(variable(review, "involvedAgencies")).asList()
        .containsExactly("Humberside Police", "North Lincolnshire children's services");
  }

  @Test
  void publicationNeedsAnHttpsAddressAndSevenWorkingDaysAfterTheReportWentToThePanel() {
    EngineClock.setTo("2027-05-20T10:00");
    ProcessInstance review = start(true, Map.of("lcsprDecidedAt", "2027-01-15T10:00"));
    runtime.createProcessInstanceModification(review.getId()).startBeforeActivity(SEND_FINAL_REPORT).execute();
    complete(review, SEND_FINAL_REPORT, "reportDocumentReference", "DOC-1", "reportReadyConfirmed", true);
    EngineClock.setTo("2027-06-01T10:00");
    // Sent Thu 20 May 2027. Fri 28 May is too early: its 7th working day before is Wed 19 May. The
    // first day whose 7th working day before is 20 May is Sat 29 May (Fri 28 … Thu 20).
    assertThatThrownBy(() -> publish(review, "2027-05-28"))
        .hasMessageContaining("it may not be published before 29 May 2027");
    assertThatThrownBy(() -> complete(review, PUBLISH_REPORT, "publishedAt", "2027-06-01",
        "publicationUrl", "http://example.org/review", "reviewerNamedInPublication", true))
        .hasMessageContaining("publicationUrl: must be an https:// web address");
    assertThatThrownBy(() -> publish(review, "2027-06-02")).hasMessageContaining("cannot be in the future");
    publish(review, "2027-06-01");
    assertThat(variable(review, "publicationUrl")).isEqualTo("https://www.northlincscmars.co.uk/reviews/nl-review");
  }

  @Test
  void badStartsAreRefused() {
    EngineClock.setTo("2027-01-15T10:00");
    assertThatThrownBy(() -> start(true, Map.of("lcsprDecidedAt", "2027-02-01T10:00")))
        .hasMessageContaining("lcsprDecidedAt: cannot be in the future");
    assertThatThrownBy(() -> start(true, Map.of("partnership", "atlantis"))).hasMessageContaining("atlantis");
  }

  // ------------------------------------------------------------------ steps

  ProcessInstance start(boolean statutory) {
    return start(statutory, Map.of());
  }

  ProcessInstance start(boolean statutory, Map<String, Object> overrides) {
    Map<String, Object> values = new HashMap<>();
    values.put("partnership", "north-lincolnshire");
    values.put("statutory", statutory);
    values.put("lcsprDecidedAt", "2027-01-15T10:00");
    values.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
    values.put("keyLinesOfEnquiry", "How agencies shared information about the family.");
    values.put("notifiedToYjb", true);
    values.putAll(overrides);
    return runtime.startProcessInstanceByKey(LcsprProcess.KEY, values);
  }

  static Map<String, Object> reviewer() {
    Map<String, Object> values = new HashMap<>();
    values.put("reviewerName", "Dr A. Reviewer");
    values.put("reviewerSource", "PANEL_POOL");
    for (String criterion : CommissioningChecks.REVIEWER_CRITERIA.keySet()) {
      values.put(criterion, true);
    }
    return values;
  }

  static Map<String, Object> termsOfReference() {
    Map<String, Object> values = new HashMap<>();
    values.put("methodology", "SYSTEMS_APPROACH");
    values.put("methodologyRationale", "Multi-agency practice over two years");
    values.put("reviewPeriodFrom", "2025-01-01");
    values.put("reviewPeriodTo", "2026-12-31");
    values.put("termsOfReference", "Agency involvement from pregnancy to the incident.");
    values.put("keyLinesOfEnquiry", "Information sharing; professional curiosity.");
    values.put("raceEthnicityCultureAddressed", true);
    values.put("raceEthnicityCultureEnquiry", "Whether the family's culture and language were understood.");
    values.put("independentChallenge", "Independent reviewer chairs the panel.");
    values.put("involvedAgencies", List.of(Map.of("agency", "Humberside Police"),
        Map.of("agency", "North Lincolnshire children's services"), Map.of("agency", "Humberside Police")));
    values.put("panelMembers", List.of(Map.of("name", "A. Lead", "role", "Designated nurse", "agency", "ICB")));
    values.put("notifiedToYjb", true);
    return values;
  }

  void commissionReviewer(ProcessInstance review) {
    complete(review, COMMISSION_REVIEWER, reviewer());
  }

  void agreeTermsOfReference(ProcessInstance review) {
    complete(review, AGREE_TERMS_OF_REFERENCE, termsOfReference());
  }

  void startReview(ProcessInstance review) {
    commissionReviewer(review);
    agreeTermsOfReference(review);
    complete(review, ENDORSE_TERMS_OF_REFERENCE, "termsOfReferenceEndorsed", "true");
  }

  void engageFamilyAndPractitioners(ProcessInstance review) {
    complete(review, PLAN_FAMILY_ENGAGEMENT, "inviteFamily", "true", "familyMembersToInvite", "Mother; older sibling");
    assertThat(queued(review)).extracting(Queued::activityId, Queued::to, Queued::letters)
        .contains(tuple(SEND_FAMILY_INVITATION, "BUSINESS_UNIT", "lcsprFamilyInvitation"));
    complete(review, RECORD_FAMILY_ENGAGEMENT, "familyParticipated", "true", "familyContributionSummary", "Met the reviewer");
    complete(review, RECORD_PRACTITIONER_EVENTS, "practitionerEventDate", "2027-02-08", "practitionersAttended", 14,
        "agenciesRepresented", "Police, school, health visiting");
  }

  void returnChronologies(ProcessInstance review) {
    for (Task chronology : open(review, RETURN_AGENCY_CHRONOLOGY)) {
      tasks.complete(chronology.getId(), Map.of("chronologyReturned", true, "chronologyReference", "CHR-" + chronology.getId()));
    }
    assertThat(variable(review, "chronologiesReturned")).asList().hasSize(2);
  }

  void submitDraft(ProcessInstance review) {
    Map<String, Object> values = new HashMap<>(Map.of("draftReportReference", "DOC-DRAFT-1"));
    ReportChecks.DRAFT_CONTENTS.keySet().forEach(field -> values.put(field, true));
    complete(review, SUBMIT_DRAFT_REPORT, values);
  }

  void publish(ProcessInstance review, String on) {
    complete(review, PUBLISH_REPORT, "publishedAt", on,
        "publicationUrl", "https://www.northlincscmars.co.uk/reviews/nl-review", "reviewerNamedInPublication", true);
  }

  void changePlannedPublicationDate(ProcessInstance review, String date, String reasons) {
    correlate(LcsprProcess.Messages.PUBLICATION_DATE_CHANGE_REQUESTED, review, Map.of());
    Map<String, Object> values = new HashMap<>(Map.of("plannedPublicationDate", date));
    if (reasons != null) {
      values.put("delayReasons", reasons);
    }
    complete(review, UPDATE_PLANNED_PUBLICATION_DATE, values);
  }

  /** One recommendation of the final report (R1), due after every report date of these tests. */
  static List<Map<String, Object>> recommendations() {
    return List.of(Map.of("recommendation", "Strategy meetings include the health visitor", "owner", "Designated nurse, ICB",
        "dueDate", "2027-12-01"));
  }

  /** The monitoring or sign-off form's answer for the one recommendation. */
  static List<Map<String, Object>> progress(String status) {
    return List.of(Map.of("number", "R1", "status", status));
  }

  static Map<String, Object> action(String action, String status) {
    Map<String, Object> values = new HashMap<>(Map.of("action", action, "owner", "Head of safeguarding, Police",
        "dueDate", "2027-12-01", "recommendation", "R1"));
    if (status != null) {
      values.put("status", status);
    }
    return values;
  }

  // ------------------------------------------------------------------ recommendations and the 7-minute briefing (issue 19)

  @Test
  void recommendationsAreCheckedNumberedAndOfferedToTheActionPlan() {
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance review = atFinalReport();
    assertThatThrownBy(() -> submitFinalReport(review, List.of(Map.of("owner", "Designated nurse, ICB", "dueDate", "2027-12-01"))))
        .hasMessageContaining("reviewRecommendations[1].recommendation: is required");
    assertThatThrownBy(() -> submitFinalReport(review, List.of(recommendation("Audit", "2027-04-19", null, null))))
        .hasMessageContaining("reviewRecommendations[1].dueDate: cannot be before the report");
    assertThatThrownBy(() -> submitFinalReport(review, List.of(recommendation("Audit", "2027-12-01", "DONE", null))))
        .hasMessageContaining("reviewRecommendations[1].status: must be one of the options offered");
    assertThatThrownBy(() -> submitFinalReport(review, List.of(recommendation("Audit", "2027-12-01", null, null),
        recommendation("A new screening tool", "2027-12-01", "NOT_ACCEPTED", null))))
        .hasMessageContaining("reviewRecommendations[2].reason: is required when a recommendation is not accepted");
    assertThatThrownBy(() -> submitFinalReport(review, List.of()))
        .hasMessageContaining("reviewRecommendations: must have between 1 and 50 entries");
    assertThatThrownBy(() -> submitFinalReport(review, List.of(Map.of("owner", "Designated nurse, ICB", "dueDate", "2027-12-01"))))
        .isInstanceOfSatisfying(InvalidCaseDataException.class, refusal -> assertThat(FieldMessages.sentence(refusal))
            .isEqualTo("Recommendation (entry 1 of Recommendations) is required: fill it in."));
    assertThat(task(review, SUBMIT_FINAL_REPORT)).as("refused: the step stays open").isNotNull();

    submitFinalReport(review, List.of(recommendation("Strategy meetings include the health visitor", "2027-04-20", null, null),
        recommendation("A new screening tool", "2027-12-01", "NOT_ACCEPTED", "The neglect strategy has one")));
    assertThat(recommendationsOf(review)).containsExactly(
        "R1 | Strategy meetings include the health visitor | Designated nurse, ICB | 2027-04-20 | OPEN | null | 2027-04-20",
        "R2 | A new screening tool | Designated nurse, ICB | 2027-12-01 | NOT_ACCEPTED | The neglect strategy has one | 2027-04-20");

    toStep(review, AGREE_ACTION_PLAN);
    Task plan = task(review, AGREE_ACTION_PLAN);
    assertThat(tasks.getVariableLocal(plan.getId(), "recommendationChoices")).asList().containsExactly(
        Map.of("value", "R1", "label", "R1: Strategy meetings include the health visitor"),
        Map.of("value", "R2", "label", "R2: A new screening tool"));
  }

  @Test
  void everyActionAnswersARecommendationAndEveryAcceptedRecommendationHasAnAction() {
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance review = atFinalReport();
    submitFinalReport(review, List.of(recommendation("Strategy meetings include the health visitor", "2027-12-01", null, null),
        recommendation("Schools record attendance concerns", "2027-12-01", null, null),
        recommendation("A new screening tool", "2027-12-01", "NOT_ACCEPTED", "The neglect strategy has one")));
    toStep(review, AGREE_ACTION_PLAN);

    assertThatThrownBy(() -> agreePlan(review, List.of(linked("Audit", "R4"))))
        .hasMessageContaining("actionPlan[1].recommendation: must be one of the review's recommendations");
    assertThatThrownBy(() -> agreePlan(review, List.of(linked("Audit", ""))))
        .hasMessageContaining("actionPlan[1].recommendation: is required");
    assertThatThrownBy(() -> agreePlan(review, List.of(linked("Audit", "R1"))))
        .hasMessageContaining("actionPlan: has no action for recommendation R2 (Schools record attendance concerns)");
    agreePlan(review, List.of(linked("Audit strategy meetings", "R1"), linked("Attendance guidance", "R2"),
        linked("Second audit", "R1")));
    assertThat(task(review, AGREE_ACTION_PLAN)).isNull();
    assertThat(CaseData.<Map<String, Object>>list(variable(review, "actionPlan")).stream().map(a -> a.get("recommendation")))
        .containsExactly("R1", "R2", "R1");
  }

  @Test
  void monitoringAndSignOffUpdateEachRecommendationsStatus() {
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance review = atFinalReport();
    submitFinalReport(review, List.of(recommendation("Strategy meetings include the health visitor", "2027-12-01", null, null),
        recommendation("Schools record attendance concerns", "2027-12-01", null, null)));
    toStep(review, REVIEW_ACTION_PLAN);
    Task monitoring = task(review, REVIEW_ACTION_PLAN);
    assertThat(tasks.getVariable(monitoring.getId(), "recommendationProgress")).asList().containsExactly(
        Map.of("number", "R1", "recommendation", "Strategy meetings include the health visitor", "status", "OPEN"),
        Map.of("number", "R2", "recommendation", "Schools record attendance concerns", "status", "OPEN"));
    List<Map<String, Object>> actions = List.of(linked("Audit", "R1", "IN_PROGRESS"), linked("Guidance", "R2", "IN_PROGRESS"));
    assertThatThrownBy(() -> complete(review, REVIEW_ACTION_PLAN, "actionPlan", actions,
        "recommendationProgress", List.of(Map.of("status", "IN_PROGRESS"))))
        .hasMessageContaining("recommendationProgress: must have between 2 and 2 entries");
    complete(review, REVIEW_ACTION_PLAN, "actionPlan", actions, "recommendationProgress", List.of(
        Map.of("number", "R1", "status", "IN_PROGRESS"),
        Map.of("number", "R2", "status", "NOT_ACCEPTED", "reason", "Schools already do this")));
    assertThat(recommendationsOf(review)).extracting(line -> line.substring(0, line.lastIndexOf(" | ")))
        .containsExactly("R1 | Strategy meetings include the health visitor | Designated nurse, ICB | 2027-12-01 | IN_PROGRESS | null",
            "R2 | Schools record attendance concerns | Designated nurse, ICB | 2027-12-01 | NOT_ACCEPTED | Schools already do this");

    toStep(review, SIGN_OFF_ACTION_PLAN);
    assertThatThrownBy(() -> complete(review, SIGN_OFF_ACTION_PLAN, "actionPlanSignedOff", true,
        "independentScrutinyRequested", "false", "recommendationProgress", List.of(Map.of("status", "IN_PROGRESS"),
            Map.of("status", "NOT_ACCEPTED", "reason", "Schools already do this"))))
        .hasMessageContaining("recommendationProgress[1].status: must be Implemented or Not accepted before the partners sign the plan off");
    complete(review, SIGN_OFF_ACTION_PLAN, "actionPlanSignedOff", true, "independentScrutinyRequested", "false",
        "recommendationProgress", List.of(Map.of("status", "IMPLEMENTED"),
            Map.of("status", "NOT_ACCEPTED", "reason", "Schools already do this")));
    assertThat(recommendationsOf(review)).extracting(line -> line.split(" \\| ")[4]).containsExactly("IMPLEMENTED", "NOT_ACCEPTED");
  }

  @Test
  void theBriefingIsDraftedFromTheCaseWithoutTheIncidentSummaryAndItsSharingsAreKept() {
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance review = atFinalReport();
    submitFinalReport(review, List.of(recommendation("Strategy meetings include the health visitor", "2027-12-01", null, null)));
    correlate(LcsprProcess.Messages.LEARNING_IDENTIFIED, review, Map.of());
    complete(review, RECORD_LEARNING, "learningSummary", "Health visitors were not invited to strategy meetings");
    toStep(review, PUBLISH_REPORT);
    EngineClock.setTo("2027-07-15T12:00");
    publish(review, "2027-07-15");
    Task briefing = task(review, SHARE_LEARNING);
    Map<String, Object> drafted = tasks.getVariables(briefing.getId());
    assertThat((String) drafted.get("briefingBackground")).startsWith("North Lincolnshire Safeguarding Children Partnership carried out")
        .contains("15 Jan 2027", "15 Jul 2027").doesNotContain("hospital", "north-lincolnshire");
    assertThat(drafted.get("briefingLearning")).isEqualTo("• Health visitors were not invited to strategy meetings");
    assertThat(drafted.get("briefingRecommendations"))
        .isEqualTo("• R1: Strategy meetings include the health visitor (Designated nurse, ICB, by 1 Dec 2027)");
    assertThat(drafted.get("briefingFurtherReading")).isEqualTo("The published report: https://www.northlincscmars.co.uk/reviews/nl-review");

    assertThatThrownBy(() -> complete(review, SHARE_LEARNING, "briefingSharings", List.of(sharing("2027-07-16"))))
        .hasMessageContaining("briefingSharings[1].sharedOn: cannot be in the future");
    assertThatThrownBy(() -> complete(review, SHARE_LEARNING, "briefingSharings", List.of(sharing("2027-07-14"))))
        .hasMessageContaining("briefingSharings[1].sharedOn: cannot be before the report was published");
    assertThatThrownBy(() -> complete(review, SHARE_LEARNING, "briefingSharings", List.of(Map.of("audience", "Forum",
        "method", "CARRIER_PIGEON", "sharedOn", "2027-07-15"))))
        .hasMessageContaining("briefingSharings[1].method: must be one of the options offered");
    tasks.setAssignee(briefing.getId(), "bu-sharer");
    complete(review, SHARE_LEARNING, "briefingBackground", "A review of agencies' work with a baby.",
        "briefingSharings", List.of(sharing("2027-07-15"), Map.of("audience", "Designated safeguarding leads' network",
            "method", "EMAIL", "sharedOn", "2027-07-15")));
    assertThat(((Map<?, ?>) variable(review, "briefing")).get("briefingBackground")).isEqualTo("A review of agencies' work with a baby.");
    assertThat(((Map<?, ?>) variable(review, "briefing")).get("briefingRecommendations")).asString().startsWith("• R1: ");
    assertThat(runtime.getVariables(review.getId())).as("the sections are kept in the briefing only")
        .doesNotContainKeys("briefingBackground", "briefingLearning", "recommendationProgress");
    assertThat(CaseData.<Map<String, Object>>list(variable(review, "briefingSharings")).stream()
            .map(s -> s.get("audience") + " | " + s.get("method") + " | " + s.get("sharedOn") + " | " + s.get("recordedBy")))
        .containsExactly("Humberside Police safeguarding forum | MEETING_OR_FORUM | 2027-07-15 | bu-sharer",
            "Designated safeguarding leads' network | EMAIL | 2027-07-15 | bu-sharer");
  }

  /** A statutory review whose final report is due (the review's earlier steps are tested above). */
  ProcessInstance atFinalReport() {
    ProcessInstance review = start(true);
    toStep(review, SUBMIT_FINAL_REPORT);
    return review;
  }

  /** Moves the review from where it waits to step {@code to} (the steps between are tested above). */
  void toStep(ProcessInstance review, String to) {
    ActivityInstance now = runtime.getActivityInstance(review.getId());
    ProcessInstanceModificationBuilder modification = runtime.createProcessInstanceModification(review.getId());
    if (to.equals(PUBLISH_REPORT)) {
      modification = modification.startBeforeActivity(PUBLICATION_NOT_PAUSED);
    }
    modification = modification.startBeforeActivity(to);
    for (ActivityInstance waiting : now.getChildActivityInstances()) {
      modification = modification.cancelActivityInstance(waiting.getId());
    }
    for (TransitionInstance waiting : now.getChildTransitionInstances()) {
      modification = modification.cancelTransitionInstance(waiting.getId());
    }
    modification.execute();
  }

  void submitFinalReport(ProcessInstance review, List<Map<String, Object>> recommendations) {
    complete(review, SUBMIT_FINAL_REPORT, "finalReportReference", "DOC-FINAL-1", "finalReportChanges", "None",
        "caseThemes", List.of("neglect"), "reviewRecommendations", recommendations);
  }

  void agreePlan(ProcessInstance review, List<Map<String, Object>> actions) {
    complete(review, AGREE_ACTION_PLAN, "actionPlan", actions, "actionPlanSmart", true);
  }

  static Map<String, Object> recommendation(String text, String due, String status, String reason) {
    Map<String, Object> values = new HashMap<>(Map.of("recommendation", text, "owner", "Designated nurse, ICB", "dueDate", due));
    if (status != null) {
      values.put("status", status);
    }
    if (reason != null) {
      values.put("reason", reason);
    }
    return values;
  }

  static Map<String, Object> linked(String action, String recommendation) {
    return linked(action, recommendation, null);
  }

  static Map<String, Object> linked(String action, String recommendation, String status) {
    Map<String, Object> values = action(action, status);
    values.put("recommendation", recommendation);
    return values;
  }

  static Map<String, Object> sharing(String on) {
    return Map.of("audience", "Humberside Police safeguarding forum", "method", "MEETING_OR_FORUM", "sharedOn", on);
  }

  List<String> recommendationsOf(ProcessInstance review) {
    return CaseData.<Map<String, Object>>list(variable(review, "reviewRecommendations")).stream()
        .map(r -> r.get("number") + " | " + r.get("recommendation") + " | " + r.get("owner") + " | " + r.get("dueDate")
            + " | " + r.get("status") + " | " + r.get("reason") + " | " + r.get("madeOn"))
        .toList();
  }

  // ------------------------------------------------------------------ helpers

  void correlate(String message, ProcessInstance review, Map<String, Object> variables) {
    // the contract: the review with the case reference as business key and process definition key lcspr
    String reviewId = runtime.createProcessInstanceQuery().processDefinitionKey(LcsprProcess.KEY)
        .processInstanceBusinessKey(review.getBusinessKey()).singleResult().getId();
    runtime.createMessageCorrelation(message).processInstanceId(reviewId).setVariables(variables).correlate();
  }

  Task task(ProcessInstance instance, String key) {
    List<Task> open = open(instance, key);
    assertThat(open).as("open tasks " + key).hasSizeLessThanOrEqualTo(1);
    return open.isEmpty() ? null : open.get(0);
  }

  List<Task> open(ProcessInstance instance, String key) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
  }

  void complete(ProcessInstance instance, String key, Object... variables) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < variables.length; i += 2) {
      values.put((String) variables[i], variables[i + 1]);
    }
    complete(instance, key, values);
  }

  void complete(ProcessInstance instance, String key, Map<String, Object> values) {
    Task task = task(instance, key);
    assertThat(task).as("open task " + key).isNotNull();
    tasks.complete(task.getId(), values);
  }

  Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  List<Queued> queued(ProcessInstance instance) {
    return QueuedCorrespondence.of(history, instance.getId());
  }

  List<Queued> delayNotices(ProcessInstance instance) {
    return queued(instance).stream().filter(q -> q.template().equals("lcsprDelayNotice")).toList();
  }

  List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).toList();
  }

  Job progressTimer(ProcessInstance instance) {
    return management.createJobQuery().processInstanceId(instance.getId()).activityId(PROGRESS_REQUEST).singleResult();
  }

  static Date at(String londonDateTime) {
    return Date.from(LocalDateTime.parse(londonDateTime).atZone(EngineClock.LONDON).toInstant());
  }
}
