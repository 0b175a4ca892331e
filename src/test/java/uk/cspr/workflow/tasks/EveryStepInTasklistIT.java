package uk.cspr.workflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.core.engine.ExcludeFromProcessCoverage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import uk.cspr.workflow.demo.DemoCasesTest;
import uk.cspr.workflow.lcspr.LcsprProcess;
import uk.cspr.workflow.nonserious.NonSeriousCaseRequestProcess;
import uk.cspr.workflow.notification.NotificationProcess;
import uk.cspr.workflow.parallel.ParallelReviewProcess;
import uk.cspr.workflow.rapidreview.PanelDecisionProcess;
import uk.cspr.workflow.rapidreview.RapidReviewProcess;
import uk.cspr.workflow.support.Browser;
import uk.cspr.workflow.support.ChromiumSession;

/**
 * Every flow played through Tasklist in a real headless Chromium, as the users of each task's
 * candidate group (issue 14.1): each user task and start form of every deployed model is opened,
 * filled and submitted in Tasklist at least once ({@link TasklistWalk}); steps a walk repeats are
 * done through the engine with the same answers. The last test writes target/tasklist-coverage.md
 * (each step and the test that did it) and fails on a deployed step that no walk did.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@TestPropertySource(properties = {"cspr.demo.mail-sink.enabled=false", "cspr.demo.cases=false",
    DemoCasesTest.WITHOUT_PROCESS_COVERAGE})
@ExcludeFromProcessCoverage
@EnabledIf(value = "uk.cspr.workflow.support.Browser#available", disabledReason = Browser.SKIPPED)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EveryStepInTasklistIT {

  private static final String NL = "north-lincolnshire";
  private static final String NOTIFY = "NOTIFY_AND_RAPID_REVIEW";
  private static final String KEY_LINES = "How agencies shared information about the family";
  private static final TasklistCoverage COVERAGE = new TasklistCoverage();
  /** Chromium for the class; a failing test leaves a screenshot of what it showed. */
  @RegisterExtension
  static final ChromiumSession CHROMIUM = new ChromiumSession();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  private TasklistWalk walk;

  @BeforeEach
  void openBrowser(TestInfo test) {
    Browser browser = CHROMIUM.browser();
    walk = new TasklistWalk(browser, COVERAGE, runtime, tasks, history, repository, management, identity,
        test.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void backToTheRealClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ serious incident notification

  /** A referral made now in North Lincolnshire; {@code children} as the referral form's list. */
  private static Map<String, Object> referral(String location, List<Map<String, Object>> children) {
    return Map.of("partnership", NL, "incidentLocation", location, "children", children,
        "incidentDate", TasklistWalk.now().toLocalDate().toString(), "awareOfIncidentAt", TasklistWalk.now().toString(),
        "abuseOrNeglectKnownOrSuspected", "true");
  }

  private static Map<String, Object> child(int age, String... circumstances) {
    Map<String, Object> child = new java.util.HashMap<>(Map.of("age", (long) age, "sex", "FEMALE", "ethnicity", "White British",
        "seriouslyHarmed", true));
    for (String circumstance : circumstances) {
      child.put(circumstance, true);
    }
    return child;
  }

  private static TasklistWalk.Case decided(TasklistWalk.Case referred, String la, String police, String icb) {
    return referred.step(NotificationProcess.Elements.INFORM_PARTNERS)
        .step(NotificationProcess.Elements.REPORT_TO_PARTNERS)
        .step(NotificationProcess.Elements.RECORD_SSL_RECOMMENDATION, "sslRecommendation", la)
        .step(NotificationProcess.Elements.RECORD_PARTNERS_DECISION, "laVote", la, "policeVote", police, "icbVote", icb);
  }

  /**
   * Outcome (a) for siblings (the referral form's list of children): a looked-after child who died
   * and a care leaver who died — the Secretary of State and Ofsted, and Ofsted and the DfE, are
   * notified — the Panel notification escalated when its 5 working days pass, then made, and the
   * rapid review starts.
   */
  @Test
  @Order(1)
  void outcomeAForSiblingsALookedAfterChildAndACareLeaverWhoDied() {
    TasklistWalk.Case referred = walk.start(NotificationProcess.KEY,
        referral("IN_AREA", List.of(child(7, "lookedAfter", "died"), child(17, "careLeaver", "died"))));
    decided(referred, NOTIFY, NOTIFY, NOTIFY)
        .step(NotificationProcess.Elements.NOTIFY_SOS_AND_OFSTED)
        .step(NotificationProcess.Elements.NOTIFY_OFSTED_AND_DFE)
        .timer(NotificationProcess.Elements.PANEL_NOTIFICATION_OVERDUE)
        .step(NotificationProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .step(NotificationProcess.Elements.NOTIFY_PANEL);
    assertThat(referred.openSteps()).contains(RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE);
  }

  /** The partners disagree: senior leads, then safeguarding partners, then the independent scrutineer (outcome b). */
  @Test
  @Order(2)
  void aDisputeThroughAllThreeStagesEndsInTheScrutineersOutcome() {
    TasklistWalk.Case referred = decided(walk.start(NotificationProcess.KEY, referral("IN_AREA", List.of(child(9)))),
        NOTIFY, "NO_FURTHER_ACTION", NOTIFY)
        .step(NotificationProcess.Elements.RESOLVE_AT_SENIOR_LEADS, "disputeResolved", "false")
        .step(NotificationProcess.Elements.RESOLVE_AT_SAFEGUARDING_PARTNERS, "disputeResolved", "false")
        .step(NotificationProcess.Elements.MEDIATE_DISAGREEMENT, "agreedOutcome", "NO_FURTHER_ACTION");
    assertThat(referred.openSteps()).doesNotContain(NotificationProcess.Elements.NOTIFY_PANEL, RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE);
  }

  /** Outcomes (c) and (d): no notification; a single agency or a multi-agency learning review follows. */
  @Test
  @Order(3)
  void outcomesCAndDLeadToALearningReviewWithoutNotifyingThePanel() {
    for (String outcome : List.of("SINGLE_AGENCY_REVIEW", "MULTI_AGENCY_REVIEW")) {
      TasklistWalk.Case referred = decided(walk.start(NotificationProcess.KEY, referral("IN_AREA", List.of(child(4)))),
          outcome, outcome, outcome);
      assertThat(referred.openSteps()).as(outcome).doesNotContain(NotificationProcess.Elements.NOTIFY_PANEL, RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE);
    }
  }

  /**
   * An incident elsewhere in England: the authority where it happened notifies the Panel (CA 2004
   * s.16C(1)); this authority records that notification and, leading the rapid review, starts it.
   */
  @Test
  @Order(4)
  void anIncidentElsewhereInEnglandRecordsTheOtherAuthoritysNotification() {
    TasklistWalk.Case referred = decided(walk.start(NotificationProcess.KEY, referral("ELSEWHERE_IN_ENGLAND", List.of(child(12)))),
        NOTIFY, NOTIFY, NOTIFY)
        .step(NotificationProcess.Elements.RECORD_OTHER_AUTHORITY_NOTIFICATION, "notifyingAuthority", "Leeds City Council", "leadsRapidReview", "true");
    assertThat(referred.openSteps()).contains(RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE).doesNotContain(NotificationProcess.Elements.NOTIFY_PANEL);
  }

  /** Where the partnership has agency leads authorise referrals (Cambridgeshire and Peterborough), they do first. */
  @Test
  @Order(5)
  void anAgencyLeadAuthorisesAReferralWhereThePartnershipAsksForIt() {
    Map<String, Object> referral = new HashMap<>(referral("IN_AREA", List.of(child(3))));
    referral.put("partnership", "cambridgeshire-peterborough");
    TasklistWalk.Case referred = walk.start(NotificationProcess.KEY, referral)
        .step(NotificationProcess.Elements.AUTHORISE_REFERRAL, "referralAuthorised", "true");
    assertThat(referred.openSteps()).contains(NotificationProcess.Elements.INFORM_PARTNERS);
  }

  // ------------------------------------------------------------------ rapid review and the Panel's decision

  /** A case notified to the Panel: its rapid review is open at its first step. */
  private TasklistWalk.Case notified() {
    return decided(walk.start(NotificationProcess.KEY, referral("IN_AREA", List.of(child(6)))), NOTIFY, NOTIFY, NOTIFY)
        .step(NotificationProcess.Elements.NOTIFY_PANEL);
  }

  /** Agencies asked, the meeting held (the partners' votes {@code lcspr}), the report written and signed off. */
  private static TasklistWalk.Case rapidReviewSignedOff(TasklistWalk.Case notified, String lcspr, String... agencies) {
    List<Map<String, Object>> asked = new ArrayList<>();
    for (String agency : agencies) {
      asked.add(Map.of("agencyName", agency, "contactEmail", "safeguarding@agency.example"));
    }
    notified.step(RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE, "agencies", asked, "scopingPeriodMonths", 12L)
        .step(RapidReviewProcess.Elements.SCHEDULE_MEETING, "rapidReviewMeetingAt", TasklistWalk.now().plusDays(7).withHour(10).withMinute(0).toString(),
            "caseThemes", List.of("neglect", "information-sharing"));
    for (int agency = 0; agency < agencies.length; agency++) {
      notified.step(RapidReviewProcess.Elements.RETURN_AGENCY_REPORT);
    }
    return notified.step(RapidReviewProcess.Elements.RECORD_MEETING, "laLcsprVote", lcspr, "policeLcsprVote", lcspr, "icbLcsprVote", lcspr,
            "nationalReviewSuggested", "false", "homeOfficeContributionNeeded", "false", "keyLinesOfEnquiry", KEY_LINES)
        .step(RapidReviewProcess.Elements.WRITE_CHAIR_REPORT)
        .step(RapidReviewProcess.Elements.HOLD_WELLBEING_SESSIONS)
        .step(RapidReviewProcess.Elements.SIGN_OFF, "lcsprAgreed", lcspr, "keyLinesOfEnquiry", KEY_LINES);
  }

  /**
   * Three agencies, one late (chased, then the review goes on without it), the chair's report
   * late (escalated), the Panel's answer late (chased), further information asked for and
   * given, then the local decision to hold an LCSPR stands and the LCSPR begins.
   */
  @Test
  @Order(10)
  void aRapidReviewWithAChaserEscalationsAndFurtherInformationForThePanel() {
    // an earlier case of the partnership with a theme in common: the meeting is shown it recurred (issue 19.2)
    notified().step(RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE, "agencies",
            List.of(Map.of("agencyName", "Humberside Police", "contactEmail", "safeguarding@police.example")), "scopingPeriodMonths", 12L)
        .step(RapidReviewProcess.Elements.SCHEDULE_MEETING, "rapidReviewMeetingAt", TasklistWalk.now().plusDays(7).withHour(10).withMinute(0).toString(),
            "caseThemes", List.of("neglect", "domestic-abuse"));
    TasklistWalk.Case review = notified();
    review.step(RapidReviewProcess.Elements.CONFIRM_AGENCIES_AND_SCOPE, "agencies", List.of(
            Map.of("agencyName", "Humberside Police", "contactEmail", "safeguarding@police.example"),
            Map.of("agencyName", "Children's services", "contactEmail", "safeguarding@council.example"),
            Map.of("agencyName", "St Mary's Primary School", "contactEmail", "dsl@school.example")), "scopingPeriodMonths", 12L)
        .step(RapidReviewProcess.Elements.SCHEDULE_MEETING, "rapidReviewMeetingAt", TasklistWalk.now().plusDays(7).withHour(10).withMinute(0).toString(),
            "caseThemes", List.of("neglect", "parental-mental-health"))
        .step(RapidReviewProcess.Elements.RETURN_AGENCY_REPORT)
        .step(RapidReviewProcess.Elements.RETURN_AGENCY_REPORT)
        .timer(RapidReviewProcess.Elements.AGENCY_REPORT_OVERDUE)
        .step(RapidReviewProcess.Elements.CHASE_AGENCY_REPORT, "chaseOutcome", "PROCEED_WITHOUT_REPORT")
        .showing("Neglect: ", "earlier case", "Parental mental health: ")
        .step(RapidReviewProcess.Elements.RECORD_MEETING, "laLcsprVote", "true", "policeLcsprVote", "true", "icbLcsprVote", "true",
            "nationalReviewSuggested", "false", "homeOfficeContributionNeeded", "false", "keyLinesOfEnquiry", KEY_LINES,
            "caseThemes", List.of("neglect", "parental-mental-health", "professional-curiosity"), "recurrentThemes", false)
        .timer(RapidReviewProcess.Elements.CHAIR_REPORT_OVERDUE)
        .step(RapidReviewProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .step(RapidReviewProcess.Elements.WRITE_CHAIR_REPORT)
        .step(RapidReviewProcess.Elements.HOLD_WELLBEING_SESSIONS)
        .step(RapidReviewProcess.Elements.SIGN_OFF, "lcsprAgreed", "true", "keyLinesOfEnquiry", KEY_LINES)
        .timer(PanelDecisionProcess.Elements.ANSWER_OVERDUE)
        .step(PanelDecisionProcess.Elements.CHASE_PANEL)
        .step(PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "FURTHER_INFORMATION_REQUESTED",
            "panelRequestedInformation", "The school's attendance records")
        .timer(PanelDecisionProcess.Elements.FURTHER_INFORMATION_OVERDUE)
        .step(PanelDecisionProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .step(PanelDecisionProcess.Elements.PROVIDE_FURTHER_INFORMATION)
        .step(PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "LOCAL_DECISION_STANDS");
    assertThat(review.openSteps()).contains(LcsprProcess.Elements.COMMISSION_REVIEWER);
    assertThat(review.variable(RapidReviewProcess.KEY, "recurrentThemesDecision")).as("the offered answer and the meeting's, overridden")
        .asString().contains("offered as Yes", "Neglect", "the meeting answered No (overridden)");
  }

  /** The Panel takes a national review: scope discussed with the Panel, the partnership supports it. */
  @Test
  @Order(11)
  void thePanelsNationalReviewIsSupported() {
    TasklistWalk.Case review = rapidReviewSignedOff(notified(), "false", "Humberside Police")
        .step(PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "NATIONAL_REVIEW")
        .step(PanelDecisionProcess.Elements.RECORD_SCOPE_DISCUSSIONS)
        .step(RapidReviewProcess.Elements.SUPPORT_NATIONAL_REVIEW);
    assertThat(review.openSteps()).doesNotContain(LcsprProcess.Elements.COMMISSION_REVIEWER);
  }

  /** No local review: the learning and the rationale are recorded and shared. */
  @Test
  @Order(12)
  void noFurtherReviewRecordsTheLearning() {
    TasklistWalk.Case review = rapidReviewSignedOff(notified(), "false", "Humberside Police")
        .step(PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "LOCAL_DECISION_STANDS")
        .step(RapidReviewProcess.Elements.RECORD_LEARNING, "familyLetterRequested", "false");
    assertThat(review.ended(RapidReviewProcess.KEY)).as("the rapid review has ended").isTrue();
  }

  // ------------------------------------------------------------------ local child safeguarding practice review

  /**
   * A statutory LCSPR from the rapid review's decision to the action plan's sign-off, the audit and
   * the report's availability: progress requests, learning on the way, the draft's feedback late
   * (escalated), the final report revised once, the planned publication date changed, the
   * six-month warning and deadline, publication.
   */
  @Test
  @Order(20)
  void aStatutoryLcsprFromTheDecisionToTheActionPlansSignOff() {
    TasklistWalk.Case review = rapidReviewSignedOff(notified(), "true", "Humberside Police")
        .step(PanelDecisionProcess.Elements.RECORD_ANSWER, "panelAnswer", "LOCAL_DECISION_STANDS")
        .step(LcsprProcess.Elements.COMMISSION_REVIEWER, "reviewerSource", "PANEL_POOL")
        .step(LcsprProcess.Elements.AGREE_TERMS_OF_REFERENCE, "involvedAgencies", List.of(Map.of("agency", "Humberside Police")))
        .step(LcsprProcess.Elements.ENDORSE_TERMS_OF_REFERENCE, "termsOfReferenceEndorsed", "true")
        .message(LcsprProcess.KEY, LcsprProcess.Messages.LEARNING_IDENTIFIED, Map.of())
        .step(LcsprProcess.Elements.RECORD_LEARNING)
        .step(LcsprProcess.Elements.PLAN_FAMILY_ENGAGEMENT, "inviteFamily", "true")
        .step(LcsprProcess.Elements.RECORD_FAMILY_ENGAGEMENT, "familyParticipated", "true")
        .step(LcsprProcess.Elements.RECORD_PRACTITIONER_EVENTS, "practitionersAttended", 12L)
        .step(LcsprProcess.Elements.RETURN_AGENCY_CHRONOLOGY)
        .timer(LcsprProcess.Elements.PROGRESS_REQUEST)
        .step(LcsprProcess.Elements.REPORT_PROGRESS, "progressOnSchedule", "true")
        .step(LcsprProcess.Elements.ASSESS_PROGRESS)
        .step(LcsprProcess.Elements.SUBMIT_DRAFT_REPORT)
        .timer(LcsprProcess.Elements.PANEL_FEEDBACK_OVERDUE)
        .step(LcsprProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .step(LcsprProcess.Elements.GIVE_PANEL_FEEDBACK)
        .step(LcsprProcess.Elements.SUBMIT_FINAL_REPORT, "caseThemes", List.of("neglect", "information-sharing", "professional-curiosity"),
            "reviewRecommendations", List.of(Map.of(
            "recommendation", "Strategy meetings include the health visitor", "owner", "Designated nurse, ICB",
            "dueDate", TasklistWalk.now().toLocalDate().plusMonths(6).toString())))
        .step(LcsprProcess.Elements.ENDORSE_FINAL_REPORT, "finalReportEndorsed", "false",
            "finalReportComments", "Shorten the background")
        .step(LcsprProcess.Elements.REVISE_FINAL_REPORT)
        .step(LcsprProcess.Elements.ENDORSE_FINAL_REPORT, "finalReportEndorsed", "true")
        .message(LcsprProcess.KEY, LcsprProcess.Messages.PUBLICATION_DATE_CHANGE_REQUESTED, Map.of())
        .step(LcsprProcess.Elements.UPDATE_PLANNED_PUBLICATION_DATE, "plannedPublicationDate", TasklistWalk.now().toLocalDate().plusMonths(5).toString())
        .timer(LcsprProcess.Elements.PUBLICATION_WARNING)
        .step(LcsprProcess.Elements.CONFIRM_PUBLICATION_TIMETABLE, "plannedPublicationDate", TasklistWalk.now().toLocalDate().plusMonths(5).toString())
        .timer(LcsprProcess.Elements.PUBLICATION_DEADLINE_PASSED)
        .step(LcsprProcess.Elements.EXPLAIN_LATE_PUBLICATION, "plannedPublicationDate", TasklistWalk.now().toLocalDate().plusMonths(7).toString(),
            "delayReasons", "Inquest adjourned; family interviews rescheduled")
        .step(LcsprProcess.Elements.DECIDE_PUBLICATION, "publicationDecision", "FULL_REPORT")
        .step(LcsprProcess.Elements.SEND_FINAL_REPORT)
        .daysLater(21)
        .step(LcsprProcess.Elements.PUBLISH_REPORT, "publicationUrl", "https://www.partnership.example/reviews/walk")
        .step(LcsprProcess.Elements.SHARE_LEARNING, "briefingSharings", List.of(Map.of("audience", "Humberside Police safeguarding forum",
            "method", "MEETING_OR_FORUM", "sharedOn", TasklistWalk.now().toLocalDate().toString())))
        .step(LcsprProcess.Elements.AGREE_ACTION_PLAN, "actionPlan", List.of(Map.of("action", "Audit strategy meeting attendance",
            "recommendation", "R1", "owner", "Head of safeguarding, Police",
            "dueDate", TasklistWalk.now().toLocalDate().plusMonths(6).toString())))
        .timer(LcsprProcess.Elements.ACTION_PLAN_REVIEW_DUE)
        .step(LcsprProcess.Elements.REVIEW_ACTION_PLAN, "actionPlan", List.of(Map.of("action", "Audit strategy meeting attendance",
            "recommendation", "R1", "owner", "Head of safeguarding, Police",
            "dueDate", TasklistWalk.now().toLocalDate().plusMonths(6).toString(), "status", "COMPLETE")),
            "recommendationProgress", List.of(Map.of("status", "IMPLEMENTED")))
        .step(LcsprProcess.Elements.SIGN_OFF_ACTION_PLAN, "independentScrutinyRequested", "true",
            "recommendationProgress", List.of(Map.of("status", "IMPLEMENTED")))
        .step(LcsprProcess.Elements.AUDIT_IMPROVEMENTS, "improvementsEmbedded", "true")
        .timer(LcsprProcess.Elements.AVAILABLE_FOR_ONE_YEAR)
        .step(LcsprProcess.Elements.REVIEW_REPORT_AVAILABILITY, "reportRemainsAvailable", "false");
    assertThat(review.ended(LcsprProcess.KEY)).as("the review is closed").isTrue();
  }

  /**
   * A non-statutory LCSPR started by an administrator (e.g. one under way before the system; the
   * flows start the others): the family's consent first; criminal
   * proceedings pause publication, and when they conclude the publication date is confirmed.
   */
  @Test
  @Order(21)
  void aNonStatutoryLcsprWithTheFamilysConsentPausedByCriminalProceedings() {
    TasklistWalk.Case review = walk.start(LcsprProcess.KEY, "camunda-admin", Map.of("partnership", NL, "statutory", "false",
            "lcsprDecidedAt", TasklistWalk.now().toString()))
        .step(LcsprProcess.Elements.RECORD_FAMILY_CONSENT, "familyConsent", "true")
        .step(LcsprProcess.Elements.COMMISSION_REVIEWER)
        .step(LcsprProcess.Elements.AGREE_TERMS_OF_REFERENCE)
        .message(LcsprProcess.KEY, LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_PAUSED, Map.of(
            "pauseReason", "Trial listed", "pausedAreas", List.of("PUBLICATION")))
        .message(LcsprProcess.KEY, LcsprProcess.Messages.CRIMINAL_PROCEEDINGS_CONCLUDED, Map.of())
        .step(LcsprProcess.Elements.CONFIRM_PUBLICATION_DATE_AFTER_PROCEEDINGS,
            "plannedPublicationDate", TasklistWalk.now().toLocalDate().plusMonths(5).toString());
    assertThat(review.openSteps()).contains(LcsprProcess.Elements.ENDORSE_TERMS_OF_REFERENCE);
  }

  // ------------------------------------------------------------------ request for a review of a non-serious case

  /** Each decision of the partners on a request: a non-statutory LCSPR, a learning review (commissioned), none. */
  @Test
  @Order(30)
  void aNonSeriousCaseRequestInEachDecision() {
    for (String decision : List.of("SINGLE_AGENCY_REVIEW", "LCSPR_NON_STATUTORY", "MULTI_AGENCY_LEARNING_REVIEW", "NOT_AGREED")) {
      TasklistWalk.Case request = walk.start(NonSeriousCaseRequestProcess.KEY, Map.of("partnership", NL,
              "requestCategory", "NEAR_MISS", "discussedWithSeniorLead", true))
          .step(NonSeriousCaseRequestProcess.Elements.CHECK_REQUEST);
      if (decision.equals("SINGLE_AGENCY_REVIEW")) {
        request.timer(NonSeriousCaseRequestProcess.Elements.SSL_RECOMMENDATION_OVERDUE).step(NonSeriousCaseRequestProcess.Elements.ESCALATE_MISSED_DEADLINE);
      }
      request.step(NonSeriousCaseRequestProcess.Elements.RECOMMEND_REVIEW, "sslRecommendation", decision)
          .step(NonSeriousCaseRequestProcess.Elements.DECIDE_REVIEW, "partnersDecision", decision);
      switch (decision) {
        case "LCSPR_NON_STATUTORY" -> assertThat(request.openSteps()).contains(LcsprProcess.Elements.RECORD_FAMILY_CONSENT);
        case "NOT_AGREED" -> assertThat(request.ended(NonSeriousCaseRequestProcess.KEY)).isTrue();
        default -> request.step(NonSeriousCaseRequestProcess.Elements.COMMISSION_LEARNING_REVIEW,
            "learningReviewDueOn", TasklistWalk.now().toLocalDate().plusMonths(3).toString());
      }
    }
  }

  // ------------------------------------------------------------------ parallel reviews

  /**
   * Parallel reviews from a referral (the facts recorded, a youth justice serious incident: the
   * Youth Justice Board notified, late, escalated) and started on their own (a domestic homicide
   * review: working agreed, tracked through criminal proceedings to its close).
   */
  @Test
  @Order(40)
  void parallelReviewsFromAReferralAndStartedOnTheirOwn() {
    TasklistWalk.Case referred = walk.start(NotificationProcess.KEY, referral("IN_AREA", List.of(child(15))))
        .step(NotificationProcess.Elements.INFORM_PARTNERS)
        .step(ParallelReviewProcess.Elements.RECORD_FACTS, "victimAge", 15L, "offenceCategory", "GBH_S18", "childCharged", true,
            "criminalInvestigation", "true", "perpetratorRelationship", "OTHER")
        .timer(ParallelReviewProcess.Elements.YJB_NOTIFICATION_OVERDUE)
        .step(ParallelReviewProcess.Elements.ESCALATE_MISSED_DEADLINE)
        .step(ParallelReviewProcess.Elements.NOTIFY_YOUTH_JUSTICE_BOARD);
    assertThat(referred.openSteps()).doesNotContain(ParallelReviewProcess.Elements.NOTIFY_YOUTH_JUSTICE_BOARD);

    TasklistWalk.Case homicide = walk.start(ParallelReviewProcess.KEY, Map.of("partnership", NL,
            "caseReference", referred.reference, "awareOfIncidentAt", TasklistWalk.now().toString(), "victimDied", "true",
            "victimAge", 34L, "perpetratorRelationship", "INTIMATE_PARTNER", "offenceCategory", "MURDER",
            "criminalInvestigation", "true"))
        .step(ParallelReviewProcess.Elements.AGREE_WORKING)
        .step(ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED, "trackingUpdate", "PROCEEDINGS_PAUSED", "pausePublication", true,
            "pauseReason", "Trial listed")
        .step(ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED, "trackingUpdate", "CLOSED", "closedAt", TasklistWalk.now().toLocalDate().toString());
    assertThat(homicide.openSteps()).doesNotContain(ParallelReviewProcess.Elements.TRACK_UNTIL_CLOSED);
  }

  @Order(99)
  @Test
  void everyUserTaskAndStartFormOfEveryDeployedModelWasDoneInTasklist() {
    assertThat(COVERAGE.report(repository)).as("steps no walk did in Tasklist (see " + TasklistCoverage.REPORT + ")").isEmpty();
  }
}
