package uk.cspr.workflow.rapidreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.cspr.workflow.rapidreview.NotifiedCases.notifiedAt;
import static uk.cspr.workflow.rapidreview.RapidReviewProcess.Elements.*;
import static uk.cspr.workflow.support.EngineClock.endOf;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.cspr.workflow.cases.InvalidCaseDataException;
import uk.cspr.workflow.rapidreview.RapidReviewProcess.Vars;
import uk.cspr.workflow.support.CaseHistory;
import uk.cspr.workflow.support.CsprSpringBootTest;
import uk.cspr.workflow.support.EngineClock;
import uk.cspr.workflow.support.Jobs;
import uk.cspr.workflow.support.SpecMailboxes;

/**
 * SPEC §3.2 end to end with the real engine, decisions, calendar and outbox: every path of {@code
 * rapidReview} (and of the {@code panelDecision} it calls), every deadline to the day, time moved
 * with the engine clock and timers run explicitly.
 */
@CsprSpringBootTest
@SuppressWarnings("unchecked")
class RapidReviewProcessTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired JdbcTemplate jdbc;
  RapidReviewSteps steps;

  @BeforeEach
  void steps() {
    steps = new RapidReviewSteps(runtime, tasks);
  }

  @AfterEach
  void resetClock() {
    EngineClock.reset();
  }

  // ------------------------------------------------------------------ deadlines

  @Test
  void deadlinesOverEasterAreStoredToTheDayAndAreTheTaskDueDates() {
    // Panel notified Thu 18 Mar 2027; decision Fri 19 Mar. Good Friday 26 Mar and Easter Monday 29 Mar 2027 do not count.
    NotifiedCases notified = notifiedAt("2027-03-18T11:00");
    ProcessInstance review = steps.start(notified, "2027-03-19T10:00");

    assertThat(review.getBusinessKey()).isEqualTo(notified.caseReference());
    assertThat(review.getTenantId()).isEqualTo("north-lincolnshire");
    assertThat(variable(review, Vars.DECIDED_AT)).isEqualTo(london("2027-03-19T10:00"));
    assertThat(variable(review, Vars.DUE_AT)).isEqualTo(endOf("2027-04-12")); // statutory: 15 WD from the notification
    assertThat(variable(review, Vars.AGENCY_LETTERS_DUE_AT)).isEqualTo(endOf("2027-03-22")); // NL 1 WD
    assertThat(variable(review, Vars.AGENCY_REPORTS_DUE_AT)).isEqualTo(endOf("2027-03-30")); // NL 5 WD
    assertThat(variable(review, Vars.AGENCY_REPORT_CHASER_DUE_AT)).isEqualTo(endOf("2027-03-31")); // 1 WD later
    assertThat(variable(review, Vars.MEETING_EARLIEST_AT)).isEqualTo(london("2027-03-19T00:00")); // no lower bound
    assertThat(variable(review, Vars.MEETING_DUE_AT)).isEqualTo(endOf("2027-03-31")); // NL 6 WD
    assertThat(variable(review, Vars.CHAIR_REPORT_DUE_AT)).isEqualTo(endOf("2027-04-07")); // NL 11 WD
    assertThat(variable(review, Vars.WELLBEING_SESSIONS_DUE_AT)).isEqualTo(endOf("2027-04-12")); // NL 14 WD
    assertThat(variable(review, Vars.SIGN_OFF_DUE_AT)).isEqualTo(endOf("2027-04-13")); // NL 15 WD

    Task confirm = steps.task(review, CONFIRM_AGENCIES_AND_SCOPE);
    assertThat(confirm.getDueDate()).isEqualTo(endOf("2027-03-22"));
    assertThat(confirm.getName()).isEqualTo(review.getBusinessKey() + " · Confirm agencies and scope — due 22 Mar 2027");
    assertThat(confirm.getDescription()).isEqualTo(notified.caseReference() + " · North Lincolnshire Safeguarding Children Partnership");
    assertThat(candidateGroups(confirm)).containsExactly("business-unit");

    steps.confirmAgencies(review, "Humberside Police", "St Mary's Primary School");
    assertThat(steps.task(review, SCHEDULE_MEETING).getDueDate()).isEqualTo(endOf("2027-03-22"));
    steps.schedule(review, "2027-03-26T10:00");
    assertThat(steps.reportTasks(review)).allSatisfy(report -> {
      assertThat(report.getDueDate()).isEqualTo(endOf("2027-03-30"));
      assertThat(candidateGroups(report)).containsExactly("agency-leads");
    });
    steps.returnAllReports(review);
    assertThat(steps.task(review, RECORD_MEETING).getDueDate()).isEqualTo(endOf("2027-03-31"));
    steps.recordMeeting(review, true, true, true);
    assertThat(steps.task(review, WRITE_CHAIR_REPORT).getDueDate()).isEqualTo(endOf("2027-04-07"));
    assertThat(steps.task(review, HOLD_WELLBEING_SESSIONS).getDueDate()).isEqualTo(endOf("2027-04-12"));
    steps.writeChairReport(review);
    Task signOff = steps.task(review, SIGN_OFF);
    assertThat(signOff.getDueDate()).as("the statutory deadline is earlier than the local one").isEqualTo(endOf("2027-04-12"));
    assertThat(signOff.getName()).isEqualTo(review.getBusinessKey() + " · Sign off the rapid review report — due 12 Apr 2027");
    assertThat(candidateGroups(signOff)).containsExactly("delegated-safeguarding-partners");
  }

  @Test
  void deadlinesOverChristmasAreStoredToTheDay() {
    // Panel notified Thu 17 Dec 2026; 25 Dec (Fri), 28 Dec (Boxing Day substitute) and 1 Jan 2027 are bank holidays
    ProcessInstance review = steps.start(notifiedAt("2026-12-17T15:00"), "2026-12-18T09:00");

    assertThat(variable(review, Vars.DUE_AT)).isEqualTo(endOf("2027-01-12"));
    assertThat(variable(review, Vars.AGENCY_LETTERS_DUE_AT)).isEqualTo(endOf("2026-12-21"));
    assertThat(variable(review, Vars.AGENCY_REPORTS_DUE_AT)).isEqualTo(endOf("2026-12-29"));
    assertThat(variable(review, Vars.AGENCY_REPORT_CHASER_DUE_AT)).isEqualTo(endOf("2026-12-30"));
    assertThat(variable(review, Vars.MEETING_DUE_AT)).isEqualTo(endOf("2026-12-30"));
    assertThat(variable(review, Vars.CHAIR_REPORT_DUE_AT)).isEqualTo(endOf("2027-01-07"));
    assertThat(variable(review, Vars.WELLBEING_SESSIONS_DUE_AT)).isEqualTo(endOf("2027-01-12"));
    assertThat(variable(review, Vars.SIGN_OFF_DUE_AT)).isEqualTo(endOf("2027-01-13"));
    assertThat(steps.task(review, CONFIRM_AGENCIES_AND_SCOPE).getName()).isEqualTo(review.getBusinessKey() + " · Confirm agencies and scope — due 21 Dec 2026");
  }

  @Test
  void cambridgeshireMeetsBetweenEightAndTwelveWorkingDays() {
    ProcessInstance review =
        steps.start(notifiedAt("2026-12-17T15:00").with("partnership", "cambridgeshire-peterborough"), "2026-12-18T09:00");

    assertThat(variable(review, Vars.DUE_AT)).isEqualTo(endOf("2027-01-12"));
    assertThat(variable(review, Vars.AGENCY_LETTERS_DUE_AT)).isEqualTo(endOf("2026-12-21")); // default 1 WD
    assertThat(variable(review, Vars.AGENCY_REPORTS_DUE_AT)).isEqualTo(endOf("2026-12-29")); // scoping 5 WD
    assertThat(variable(review, Vars.MEETING_EARLIEST_AT)).isEqualTo(london("2027-01-04T00:00")); // 8 WD
    assertThat(variable(review, Vars.MEETING_DUE_AT)).isEqualTo(endOf("2027-01-08")); // 12 WD
    assertThat(variable(review, Vars.CHAIR_REPORT_DUE_AT)).isEqualTo(endOf("2027-01-11")); // Cambs 13 WD
    assertThat(variable(review, Vars.WELLBEING_SESSIONS_DUE_AT)).isEqualTo(endOf("2027-01-12")); // default 14 WD
    assertThat(variable(review, Vars.SIGN_OFF_DUE_AT)).isEqualTo(endOf("2027-01-13"));

    steps.confirmAgencies(review, "Cambridgeshire Constabulary");
    assertThatThrownBy(() -> steps.complete(review, SCHEDULE_MEETING, Vars.MEETING_AT, "2026-12-31T10:00"))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining(Vars.MEETING_OUTSIDE_WINDOW_REASON);
    assertThatThrownBy(() -> steps.complete(review, SCHEDULE_MEETING, Vars.MEETING_AT, "2027-01-11T10:00"))
        .hasMessageContaining(Vars.MEETING_OUTSIDE_WINDOW_REASON);
    steps.complete(review, SCHEDULE_MEETING, Vars.MEETING_AT, "2027-01-04T10:00");
    assertThat(variable(review, Vars.MEETING_WITHIN_WINDOW)).isEqualTo(true);
    assertThat(variable(review, Vars.MEETING_AT)).isEqualTo(london("2027-01-04T10:00"));
  }

  @Test
  void aMeetingOutsideTheWindowNeedsAReason() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    steps.confirmAgencies(review, "Humberside Police");
    steps.complete(review, SCHEDULE_MEETING, Vars.MEETING_AT, "2027-04-01T10:00",
        Vars.MEETING_OUTSIDE_WINDOW_REASON, "The police lead is in court until 31 March");
    assertThat(variable(review, Vars.MEETING_WITHIN_WINDOW)).isEqualTo(false);
    assertThat(variable(review, Vars.MEETING_OUTSIDE_WINDOW_REASON)).isEqualTo("The police lead is in court until 31 March");
  }

  // ------------------------------------------------------------------ agencies

  @Test
  void oneReportPerAgencyAndAChaserOnlyForTheLateOne() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    steps.confirmAgencies(review, "Humberside Police", "St Mary's Primary School", "Health visiting service");
    assertThat(outbox(review)).isEmpty();
    steps.schedule(review, "2027-03-26T10:00");

    Map<String, Object> letters = message(review, "rapidReviewAgencyRequest");
    assertThat(letters.get("TO_ADDRESSES")).isEqualTo("mars@northlincs.gov.uk");
    assertThat(letters.get("CC_ADDRESSES")).isEqualTo("dsp@nl-partnership.example");
    assertThat(attachments(letters)).containsExactly(
        review.getBusinessKey() + "-rapidReviewAgencyLetter.pdf", review.getBusinessKey() + "-agencyReportTemplate.pdf");

    List<Task> reports = steps.reportTasks(review);
    assertThat(reports).extracting(Task::getName).containsExactlyInAnyOrder(
        review.getBusinessKey() + " · Return agency report: Humberside Police — due 30 Mar 2027",
        review.getBusinessKey() + " · Return agency report: St Mary's Primary School — due 30 Mar 2027",
        review.getBusinessKey() + " · Return agency report: Health visiting service — due 30 Mar 2027");
    for (Task report : reports) {
      if (!report.getName().contains("Health visiting")) {
        steps.returnReport(report);
      }
    }
    assertThat(steps.task(review, RECORD_MEETING)).as("waits for the third report").isNull();

    EngineClock.setTo("2027-03-30T23:59");
    assertThat(Jobs.executeDue(management, review.getId())).isZero();
    EngineClock.setTo("2027-03-31T00:00:30");
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    Task chase = steps.task(review, CHASE_AGENCY_REPORT);
    assertThat(chase.getName()).isEqualTo(review.getBusinessKey() + " · Chase agency report: Health visiting service — due 31 Mar 2027");
    assertThat(candidateGroups(chase)).containsExactly("business-unit");
    assertThat((List<String>) variable(review, "deadlinesBreached")).containsExactly("Return agency report");
    steps.complete(chase, Vars.CHASE_OUTCOME, "CHASED", Vars.CHASE_NOTE, "Phoned the named nurse; report promised tomorrow");

    EngineClock.setTo("2027-03-31T09:00");
    steps.returnReport(steps.task(review, RETURN_AGENCY_REPORT));
    assertThat(steps.task(review, RECORD_MEETING)).isNotNull();
    List<Map<String, Object>> collected = (List<Map<String, Object>>) variable(review, Vars.AGENCY_REPORTS);
    assertThat(collected).extracting(report -> report.get(Vars.AGENCY_NAME)).containsExactlyInAnyOrder(
        "Humberside Police", "St Mary's Primary School", "Health visiting service");
    assertThat(collected).allSatisfy(report -> assertThat(report.get(Vars.RECORDS_SECURED)).isEqualTo(true));
    assertThat((List<?>) variable(review, Vars.AGENCY_REPORT_CHASES)).hasSize(1);
    assertThat(runtime.getVariable(review.getId(), Vars.AGENCY_INVOLVEMENT))
        .as("report fields stay local to each agency").isNull();
  }

  @Test
  void theMeetingCanProceedWithoutALateReportAndTheGapIsRecorded() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    steps.confirmAgencies(review, "Humberside Police", "Probation service");
    steps.schedule(review, "2027-03-26T10:00");
    steps.returnReport(steps.reportTasks(review).stream().filter(t -> t.getName().contains("Police")).findFirst().orElseThrow());

    EngineClock.setTo("2027-03-31T08:00");
    Jobs.executeDue(management, review.getId());
    assertThatThrownBy(() -> steps.complete(review, CHASE_AGENCY_REPORT, Vars.CHASE_OUTCOME, "GIVE_UP", Vars.CHASE_NOTE, "x"))
        .hasMessageContaining("chaseOutcome");
    steps.complete(review, CHASE_AGENCY_REPORT, Vars.CHASE_OUTCOME, "PROCEED_WITHOUT_REPORT",
        Vars.CHASE_NOTE, "No response after three calls; meeting goes ahead");

    assertThat(steps.task(review, RETURN_AGENCY_REPORT)).as("the late report task is withdrawn").isNull();
    assertThat(steps.task(review, RECORD_MEETING)).isNotNull();
    assertThat((List<String>) variable(review, Vars.AGENCY_REPORT_GAPS)).containsExactly("Probation service");
    assertThat(passed(review, END_PROCEED_WITHOUT_REPORT)).isTrue();
  }

  @Test
  void agenciesAndScopeAreCheckedOnTheServer() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    assertRefused(review, List.of(), 12, "agencies: must have between 1 and 30 entries");
    assertRefused(review, List.of(steps.agency("Police", null), steps.agency("police", null)), 12, "agencies[2].agencyName: 'police' is listed twice");
    assertRefused(review, List.of(steps.agency(" ", null)), 12, "agencies[1].agencyName: is required");
    assertRefused(review, List.of(steps.agency("Police", "not-an-address")), 12, "agencies[1].contactEmail: must be an e-mail address");
    assertRefused(review, List.of(steps.agency("Police", null)), 25, "scopingPeriodMonths: must be between 1 and 24");
    assertRefused(review, List.of(steps.agency("Police", null)), 0, "scopingPeriodMonths: must be between 1 and 24");

    // Tasklist submits the dynamic list as JSON text
    steps.complete(review, CONFIRM_AGENCIES_AND_SCOPE, Vars.AGENCIES,
        "[{\"agencyName\": \"Police\", \"contactEmail\": \"dsl@police.example\"}]", Vars.SCOPING_PERIOD_MONTHS, "24");
    assertThat(variable(review, Vars.SCOPING_PERIOD_MONTHS)).isEqualTo(24);
    assertThat((List<Map<String, Object>>) variable(review, Vars.AGENCIES))
        .containsExactly(Map.of(Vars.AGENCY_NAME, "Police", Vars.AGENCY_EMAIL, "dsl@police.example"));
  }

  @Test
  void anAgencyThatHasNotSecuredItsRecordsMustSayWhy() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    steps.confirmAgencies(review, "Humberside Police");
    steps.schedule(review, "2027-03-26T10:00");
    Task report = steps.task(review, RETURN_AGENCY_REPORT);
    assertThatThrownBy(() -> steps.complete(report, Vars.AGENCY_INVOLVEMENT, "Two call-outs", Vars.RECORDS_SECURED, "false",
        Vars.QUALITY_ASSURED_BY, "DI Smith"))
        .hasMessageContaining("recordsNotSecuredReason: is required");
    assertThatThrownBy(() -> steps.complete(report, Vars.AGENCY_INVOLVEMENT, "Two call-outs", Vars.RECORDS_SECURED, "true"))
        .hasMessageContaining("qualityAssuredBy: is required");
    steps.complete(report, Vars.AGENCY_INVOLVEMENT, "Two call-outs", Vars.RECORDS_SECURED, "false",
        Vars.RECORDS_NOT_SECURED_REASON, "Records held by a third party", Vars.QUALITY_ASSURED_BY, "DI Smith");
    assertThat((List<Map<String, Object>>) variable(review, Vars.AGENCY_REPORTS)).singleElement()
        .satisfies(entry -> assertThat(entry.get(Vars.RECORDS_NOT_SECURED_REASON)).isEqualTo("Records held by a third party"));
  }

  // ------------------------------------------------------------------ the meeting

  @Test
  void unanimousVotesNeedNoDisagreementLetterAndNoHomeOffice() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    steps.recordMeeting(review, true, true, true);
    assertThat(variable(review, Vars.PARTNERS_AGREE_ON_LCSPR)).isEqualTo(true);
    assertThat(variable(review, Vars.LCSPR_AGREED)).isEqualTo(true);
    assertThat(passed(review, SHARE_DISAGREEMENT)).isFalse();
    assertThat(passed(review, NOTIFY_HOME_OFFICE)).isFalse();
    assertThat(templates(review)).doesNotContain("rapidReviewDisagreement", "homeOfficeContribution");
  }

  @Test
  void differingVotesAreRecordedAndSharedWithTheDelegatedPartners() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    assertThatThrownBy(() -> steps.recordMeetingWith(review, "true", "false", "true", Map.of()))
        .hasMessageContaining("lcsprVoteDisagreement: is required when the partners' votes differ");
    steps.recordMeetingWith(review, "true", "false", "true",
        Map.of(Vars.LCSPR_VOTE_DISAGREEMENT, "Police: the learning is already captured by the single-agency review"));

    assertThat(variable(review, Vars.PARTNERS_AGREE_ON_LCSPR)).isEqualTo(false);
    assertThat(variable(review, Vars.LCSPR_AGREED)).as("the majority carries").isEqualTo(true);
    assertThat(passed(review, SHARE_DISAGREEMENT)).isTrue();
    Map<String, Object> letter = message(review, "rapidReviewDisagreement");
    assertThat(letter.get("TO_ADDRESSES")).isEqualTo("dsp@nl-partnership.example");
    assertThat(attachments(letter)).containsExactly(review.getBusinessKey() + "-rapidReviewDisagreementRecord.pdf");
  }

  @Test
  void theHomeOfficeIsNotifiedOnlyWhenItsContributionIsNeeded() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    assertThatThrownBy(() -> steps.recordMeetingWith(review, "false", "false", "false",
        Map.of(Vars.HOME_OFFICE_CONTRIBUTION_NEEDED, "true")))
        .hasMessageContaining("homeOfficeContributionDetails: is required");
    steps.recordMeetingWith(review, "false", "false", "false", Map.of(Vars.HOME_OFFICE_CONTRIBUTION_NEEDED, "true",
        Vars.HOME_OFFICE_CONTRIBUTION_DETAILS, "Immigration status of the mother's partner"));

    assertThat(passed(review, NOTIFY_HOME_OFFICE)).isTrue();
    assertThat(passed(review, SHARE_DISAGREEMENT)).isFalse();
    Map<String, Object> email = message(review, "homeOfficeContribution");
    assertThat(email.get("TO_ADDRESSES")).isEqualTo("CCUsafeguarding@homeoffice.gov.uk");
    assertThat(email.get("SUBJECT").toString()).contains(review.getBusinessKey()).doesNotContain("Child");
    assertThat(steps.task(review, WRITE_CHAIR_REPORT)).isNotNull();
  }

  @Test
  void keyLinesOfEnquiryAreRequiredWhenALocalReviewIsAgreed() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    Map<String, Object> withoutKeyLines = new HashMap<>(steps.meetingValues("true", "true", "false"));
    withoutKeyLines.put(Vars.LCSPR_VOTE_DISAGREEMENT, "ICB: no new learning");
    withoutKeyLines.remove(Vars.KEY_LINES_OF_ENQUIRY);
    assertThatThrownBy(() -> tasks.complete(steps.task(review, RECORD_MEETING).getId(), withoutKeyLines))
        .hasMessageContaining("keyLinesOfEnquiry: are required when a local review is agreed");
  }

  @Test
  void theCriteriaDecisionsGetEveryInputAndTheirResultsAreStored() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00").child(15, true, false));
    assertThat(variable(review, "inCareOrOnChildProtectionPlan")).as("prefilled from the children").isEqualTo(true);
    steps.recordMeetingWith(review, "true", "true", "true", Map.of("improvementsNeeded", "true", "singleAgencyConcern", "true"));

    // (recurrentThemes is pre-filled with the answer offered from earlier cases, issue 19.2: RapidReviewThemesTest)
    assertThat(variable(review, "multiAgencyWorkingConcerns")).as("an unticked box is false").isEqualTo(false);
    assertThat(variable(review, Vars.LOCAL_CRITERIA_MET)).isEqualTo(true);
    assertThat(variable(review, Vars.LOCAL_REGARD_CIRCUMSTANCES)).isEqualTo(true);
    assertThat(variable(review, Vars.NATIONAL_CRITERIA_MET)).isEqualTo(true);
    assertThat(variable(review, Vars.NATIONAL_REGARD_CIRCUMSTANCES)).isEqualTo(true);
    assertThat((String) variable(review, Vars.LOCAL_CRITERIA_RATIONALE)).isNotBlank();
    assertThat(passed(review, LOCAL_REVIEW_CRITERIA)).isTrue();
    assertThat(passed(review, NATIONAL_REVIEW_CRITERIA)).isTrue();
  }

  // ------------------------------------------------------------------ submission and the Panel's answer

  @Test
  void anAgreedLocalReviewIsSentToThePanelAndEndsReadyForTheLcspr() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), true);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "true");

    assertThat(variable(review, Vars.SENT_AT)).isEqualTo(london("2027-04-09T16:00"));
    assertThat(variable(review, Vars.LCSPR_DECIDED_AT)).isEqualTo(london("2027-04-09T16:00"));
    Map<String, Object> submission = message(review, "rapidReviewSubmission");
    assertThat(submission.get("TO_ADDRESSES")).isEqualTo(SpecMailboxes.PANEL);
    assertThat(submission.get("CC_ADDRESSES")).isEqualTo(SpecMailboxes.SECRETARY_OF_STATE + "," + SpecMailboxes.OFSTED);
    assertThat(submission.get("SUBJECT")).isEqualTo("Rapid review " + review.getBusinessKey());
    assertThat(attachments(submission)).containsExactly(
        review.getBusinessKey() + "-rapidReviewReport.pdf", review.getBusinessKey() + "-rapidReviewDecisionLetter.pdf");

    ProcessInstance panel = steps.panelDecision(review);
    assertThat(panel.getBusinessKey()).isEqualTo(review.getBusinessKey());
    assertThat(panel.getTenantId()).isEqualTo("north-lincolnshire");
    assertThat(runtime.getVariable(panel.getId(), "panelSubmittedAt")).isEqualTo(london("2027-04-09T16:00"));
    assertThat((String) runtime.getVariable(panel.getId(), "panelSubmissionSummary"))
        .contains("a local child safeguarding practice review will be undertaken");
    // The Panel aims to answer within 15 WD of receipt: 9 Apr 2027 -> 30 Apr 2027
    assertThat(runtime.getVariable(panel.getId(), "panelAnswerDueAt")).isEqualTo(endOf("2027-04-30"));

    EngineClock.setTo("2027-04-20T10:00");
    steps.answer(panel, "LOCAL_DECISION_STANDS");
    assertThat(reached(review, CALL_LCSPR)).isTrue();
    ProcessInstance lcspr = runtime.createProcessInstanceQuery().processDefinitionKey("lcspr")
        .superProcessInstanceId(review.getId()).singleResult();
    assertThat(lcspr.getBusinessKey()).isEqualTo(review.getBusinessKey());
    assertThat(runtime.getVariable(lcspr.getId(), "statutory")).isEqualTo(true);
    assertThat(variable(review, "panelAnswer")).isEqualTo("LOCAL_DECISION_STANDS");
    assertThat(variable(review, "nationalReview")).isEqualTo(false);
    assertThat(passed(review, SUPPORT_NATIONAL_REVIEW)).isFalse();
  }

  @Test
  void aNationalReviewIsSupportedByThePartners() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), true);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "true");
    EngineClock.setTo("2027-04-20T10:00");
    ProcessInstance panel = steps.panelDecision(review);
    steps.answer(panel, "NATIONAL_REVIEW");
    Task scope = tasks.createTaskQuery().processInstanceId(panel.getId()).singleResult();
    assertThat(scope.getTaskDefinitionKey()).isEqualTo(PanelDecisionProcess.Elements.RECORD_SCOPE_DISCUSSIONS);
    tasks.complete(scope.getId(), Map.of("nationalReviewScopeDiscussions", "Thematic review of neglect in adolescence"));

    assertThat(variable(review, "nationalReview")).isEqualTo(true);
    assertThat(variable(review, "nationalReviewScopeDiscussions")).isEqualTo("Thematic review of neglect in adolescence");
    Task support = steps.task(review, SUPPORT_NATIONAL_REVIEW);
    assertThat(support.getDueDate()).isEqualTo(endOf("2027-05-05")); // 10 WD after 20 Apr (3 May is a bank holiday)
    steps.complete(support, "nationalReviewSupportArrangements", "Chronologies and practitioner access",
        "nationalReviewLiaison", "Head of MARS");
    assertThat(passed(review, END_NATIONAL_REVIEW)).isTrue();
    assertThat(reached(review, CALL_LCSPR)).isFalse();
  }

  @Test
  void noFurtherReviewRecordsTheLearningAndCanWriteToTheFamily() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), false);
    EngineClock.setTo("2027-04-09T16:00");
    assertThatThrownBy(() -> steps.signOff(review, "true")).hasMessageContaining("keyLinesOfEnquiry");
    steps.signOff(review, "false");
    assertThat(variable(review, Vars.LCSPR_DECIDED_AT)).isNull();
    EngineClock.setTo("2027-04-20T10:00");
    steps.answer(steps.panelDecision(review), "LOCAL_DECISION_STANDS");

    Task learning = steps.task(review, RECORD_LEARNING);
    assertThat(learning.getDueDate()).isEqualTo(endOf("2027-05-05"));
    steps.complete(learning, "noReviewRationale", "The rapid review identified the learning", "learningDissemination",
        "Seven-minute briefing; audit in six months", Vars.FAMILY_LETTER_REQUESTED, "true");
    assertThat(passed(review, SEND_FAMILY_LETTER)).isTrue();
    Map<String, Object> letter = message(review, "familyLetter");
    assertThat(letter.get("TO_ADDRESSES")).isEqualTo("mars@northlincs.gov.uk");
    assertThat(attachments(letter)).containsExactly(review.getBusinessKey() + "-rapidReviewFamilyLetter.pdf");
    assertThat(passed(review, END_NO_FURTHER_REVIEW)).isTrue();
    assertThat(reached(review, CALL_LCSPR)).isFalse();
  }

  @Test
  void noFurtherReviewWithoutAFamilyLetter() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), false);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "false");
    EngineClock.setTo("2027-04-20T10:00");
    steps.answer(steps.panelDecision(review), "LOCAL_DECISION_STANDS");
    steps.complete(review, RECORD_LEARNING, "noReviewRationale", "Learning captured", "learningDissemination", "Briefing",
        Vars.FAMILY_LETTER_REQUESTED, "false");
    assertThat(passed(review, SEND_FAMILY_LETTER)).isFalse();
    assertThat(passed(review, END_NO_FURTHER_REVIEW)).isTrue();
    steps.completeWellbeing(review);
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(review.getId()).finished().count())
        .as("the case ends when the wellbeing branch is done too").isEqualTo(1);
  }

  @Test
  void aLocalReviewDecidedByTheMeetingCanBeOverturnedAtSignOff() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), true);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "false");
    assertThat(variable(review, Vars.LCSPR_AGREED)).isEqualTo(false);
    assertThat((String) variable(review, Vars.SUMMARY)).contains("no local child safeguarding practice review");
  }

  // ------------------------------------------------------------------ missed deadlines

  @Test
  void lateLettersAreRecordedAndEscalatedAndTheReviewContinues() {
    ProcessInstance review = steps.start(notifiedAt("2027-03-18T11:00"), "2027-03-19T10:00");
    EngineClock.setTo("2027-03-23T09:00"); // letters were due by the end of 22 Mar
    steps.confirmAgencies(review, "Humberside Police");
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);

    Task escalation = steps.task(review, ESCALATE_MISSED_DEADLINE);
    assertThat(escalation.getName())
        .isEqualTo(review.getBusinessKey() + " · Escalate missed deadline: Schedule the rapid review meeting and send the agency letters — due 24 Mar 2027");
    assertThat(candidateGroups(escalation)).containsExactlyInAnyOrder("business-unit", "managers");
    assertThat((List<String>) variable(review, "deadlinesBreached"))
        .containsExactly("Schedule the rapid review meeting and send the agency letters");
    assertThat(steps.task(review, SCHEDULE_MEETING)).as("the review continues").isNotNull();
    steps.complete(escalation, "escalationAction", "Coordinator off sick; letters sent 23 Mar");
    assertThat(passed(review, END_BREACH_ESCALATED)).isTrue();
  }

  @Test
  void theStatutoryDeadlineIsRecordedAsSuchBeforeTheLocalSignOffDeadline() {
    NotifiedCases notified = notifiedAt("2027-03-18T11:00").with("deadlinesBreached",
        uk.cspr.workflow.cases.CaseData.json(new ArrayList<>(List.of("Notify the Panel through the online notification system"))));
    ProcessInstance review = steps.toSignOff(notified, true);
    steps.completeWellbeing(review);

    EngineClock.setTo("2027-04-12T23:59");
    assertThat(Jobs.executeDue(management, review.getId())).isZero();
    EngineClock.setTo("2027-04-13T00:00:30");
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    assertThat(steps.task(review, ESCALATE_MISSED_DEADLINE).getName()).isEqualTo(review.getBusinessKey()
        + " · Escalate missed deadline: Send the rapid review to the Panel within 15 working days of the notification (statutory) — due 14 Apr 2027");

    EngineClock.setTo("2027-04-14T00:00:30");
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    assertThat((List<String>) variable(review, "deadlinesBreached")).containsExactly(
        "Notify the Panel through the online notification system",
        "Send the rapid review to the Panel within 15 working days of the notification (statutory)",
        "Sign off the rapid review report");
    assertThat(tasks.createTaskQuery().processInstanceId(review.getId()).taskDefinitionKey(ESCALATE_MISSED_DEADLINE).count())
        .isEqualTo(2);
    steps.signOff(review, "true");
    assertThat(steps.panelDecision(review)).as("late, but sent").isNotNull();
  }

  @Test
  void meetingAndChairReportDeadlinesAreEscalated() {
    ProcessInstance review = steps.toMeeting(notifiedAt("2027-03-18T11:00"));
    EngineClock.setTo("2027-04-01T08:00"); // meeting due by the end of 31 Mar
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    assertThat((List<String>) variable(review, "deadlinesBreached")).containsExactly("Record the rapid review meeting");
    steps.recordMeeting(review, false, false, false);
    EngineClock.setTo("2027-04-08T08:00"); // chair's report due by the end of 7 Apr
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    assertThat((List<String>) variable(review, "deadlinesBreached"))
        .containsExactly("Record the rapid review meeting", "Write the chair's rapid review report");
  }

  @Test
  void lateWellbeingSessionsAreEscalatedWithoutHoldingUpTheSubmission() {
    ProcessInstance review = steps.toSignOff(notifiedAt("2027-03-18T11:00"), true);
    EngineClock.setTo("2027-04-09T16:00");
    steps.signOff(review, "true");
    assertThat(steps.panelDecision(review)).as("submitted although the sessions are still open").isNotNull();

    EngineClock.setTo("2027-04-13T08:00"); // sessions due by the end of 12 Apr
    assertThat(Jobs.executeDue(management, review.getId())).isEqualTo(1);
    assertThat(steps.task(review, ESCALATE_MISSED_DEADLINE).getName())
        .isEqualTo(review.getBusinessKey() + " · Escalate missed deadline: Hold reflective wellbeing sessions — due 14 Apr 2027");
    steps.completeWellbeing(review);
    assertThat(passed(review, END_WELLBEING_SESSIONS)).isTrue();

    // Breaches while the Panel decides are added to the case's record, never overwrite it
    ProcessInstance panel = steps.panelDecision(review);
    EngineClock.setTo("2027-04-14T10:00");
    tasks.complete(steps.task(panel, PanelDecisionProcess.Elements.RECORD_ANSWER).getId(), Map.of(
        "panelAnswer", "FURTHER_INFORMATION_REQUESTED", "panelAnsweredAt", "2027-04-14T09:00",
        "panelAnswerRationale", "Letter from the Panel", "panelRequestedInformation", "GP chronology"));
    EngineClock.setTo("2027-04-29T00:00:30"); // 10 WD from 14 Apr: end of 28 Apr
    assertThat(Jobs.executeDue(management, panel.getId())).isEqualTo(1);
    tasks.complete(steps.task(panel, PanelDecisionProcess.Elements.PROVIDE_FURTHER_INFORMATION).getId(),
        Map.of("furtherInformation", "GP saw the child twice"));
    EngineClock.setTo("2027-04-30T10:00");
    steps.answer(panel, "LOCAL_DECISION_STANDS");
    assertThat((List<String>) variable(review, "deadlinesBreached"))
        .containsExactly("Hold reflective wellbeing sessions", "Provide further information");
    assertThat(variable(review, Vars.PANEL_DEADLINES_BREACHED)).isNull();
  }

  @Test
  void aStartWithoutTheNotificationIsRefused() {
    EngineClock.setTo("2027-03-19T10:00");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RapidReviewProcess.KEY,
        notifiedAt("2027-03-18T11:00").without("panelNotificationSentAt").values()))
        .hasMessageContaining("panelNotificationSentAt: is required");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RapidReviewProcess.KEY,
        notifiedAt("2027-03-20T11:00").values()))
        .hasMessageContaining("panelNotificationSentAt: cannot be in the future");
    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(RapidReviewProcess.KEY,
        notifiedAt("2027-03-18T11:00").without("caseReference").values()))
        .hasMessageContaining("caseReference: is required");
    // A REST client may send the notification time as text; it is stored as a date
    ProcessInstance review = runtime.startProcessInstanceByKey(RapidReviewProcess.KEY,
        notifiedAt("2027-03-18T11:00").with("panelNotificationSentAt", "2027-03-18T11:00").values());
    assertThat(variable(review, Vars.PANEL_NOTIFICATION_SENT_AT)).isEqualTo(london("2027-03-18T11:00"));
    assertThat(review.getBusinessKey()).isNotNull();
  }

  // ------------------------------------------------------------------ helpers: flow

  private void assertRefused(ProcessInstance review, List<Map<String, Object>> agencies, int months, String message) {
    assertThatThrownBy(() -> steps.complete(review, CONFIRM_AGENCIES_AND_SCOPE, Vars.AGENCIES, new ArrayList<>(agencies),
        Vars.SCOPING_PERIOD_MONTHS, String.valueOf(months)))
        .isInstanceOf(InvalidCaseDataException.class).hasMessageContaining(message);
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
  }

  /** A process-level variable of the case, running or finished. */
  private Object variable(ProcessInstance instance, String name) {
    return CaseHistory.variable(history, instance.getId(), name);
  }

  private boolean reached(ProcessInstance instance, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).count() > 0;
  }

  private boolean passed(ProcessInstance instance, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
        .activityId(activityId).finished().count() > 0;
  }

  private static Date london(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(EngineClock.LONDON).toInstant());
  }

  // ------------------------------------------------------------------ helpers: outbox (SPEC §5)

  private List<Map<String, Object>> outbox(ProcessInstance review) {
    return jdbc.queryForList("SELECT id, template, to_addresses, cc_addresses, subject FROM cspr_outbox_message "
        + "WHERE case_reference = ? ORDER BY queued_at, id", review.getBusinessKey());
  }

  private List<String> templates(ProcessInstance review) {
    return outbox(review).stream().map(m -> (String) m.get("TEMPLATE")).toList();
  }

  private Map<String, Object> message(ProcessInstance review, String template) {
    List<Map<String, Object>> messages = outbox(review).stream().filter(m -> template.equals(m.get("TEMPLATE"))).toList();
    assertThat(messages).as("one '" + template + "' message").hasSize(1);
    return messages.get(0);
  }

  private List<String> attachments(Map<String, Object> message) {
    return jdbc.queryForList("SELECT file_name FROM cspr_outbox_attachment WHERE outbox_id = ? ORDER BY sort_order",
        String.class, message.get("ID"));
  }
}
