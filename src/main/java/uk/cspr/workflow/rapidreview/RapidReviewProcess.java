package uk.cspr.workflow.rapidreview;

import java.util.List;
import uk.cspr.workflow.config.ProcessKeys;

/**
 * Backing class of {@code processes/rapidReview.bpmn} (SPEC §3.2): its key, element ids, the local
 * timescale steps it reads and its variable names, so Java never spells them as raw strings.
 *
 * <p>Called by {@code seriousIncidentNotification} (outcome (a), after the local authority
 * notified the Panel) with {@code camunda:in variables="all"} and the business key; it reads
 * {@code caseReference}, {@code partnership}, {@code panelNotificationSentAt}, {@code children} and
 * {@code deadlinesBreached} from there. It can also be started on its own (REST) with at least
 * {@code partnership}, {@code caseReference} and {@code panelNotificationSentAt}.
 */
public final class RapidReviewProcess {

  public static final String KEY = ProcessKeys.RAPID_REVIEW;

  /** Statutory: send the rapid review to the Panel within 15 working days of the notification (Panel guidance June 2025). */
  public static final int STATUTORY_WORKING_DAYS = 15;

  /**
   * Working days after the Panel's answer for the follow-up tasks (support a national review, or record
   * the learning when there is no further review). No local timescale exists for them yet; see the
   * README ("Interpretations") for the {@code localTimescales} step that should replace this.
   */
  public static final int FOLLOW_UP_WORKING_DAYS = 10;

  /** Most agencies a rapid review asks for a report (a sanity limit for the agency list). */
  public static final int MAX_AGENCIES = 30;

  /** Cambridgeshire & Peterborough: scoping covers the circumstances of the case, up to 24 months. */
  public static final int MIN_SCOPING_MONTHS = 1;
  public static final int MAX_SCOPING_MONTHS = 24;

  /** Steps of the decision {@code localTimescales}, counted from the decision to undertake the rapid review. */
  public static final class Steps {
    public static final String AGENCY_LETTERS = "rapidReview.agencyLetters";
    public static final String AGENCY_REPORTS = "rapidReview.agencyReports";
    public static final String AGENCY_REPORT_CHASER = "rapidReview.agencyReportChaser";
    public static final String MEETING = "rapidReview.meeting";
    public static final String MEETING_EARLIEST = "rapidReview.meetingEarliest";
    public static final String CHAIR_REPORT = "rapidReview.chairReport";
    public static final String WELLBEING_SESSIONS = "rapidReview.wellbeingSessions";
    public static final String SIGN_OFF = "rapidReview.signOff";

    private Steps() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_rapidReviewDecided";
    public static final String CONFIRM_AGENCIES_AND_SCOPE = "userTask_confirmAgenciesAndScope";
    public static final String SCHEDULE_MEETING = "userTask_scheduleMeeting";
    public static final String AGENCY_LETTERS_OVERDUE = "boundaryTimer_agencyLettersOverdue";
    public static final String SEND_AGENCY_LETTERS = "serviceTask_sendAgencyLetters";
    public static final String AGENCY_REPORTS = "subProcess_agencyReports";
    public static final String RETURN_AGENCY_REPORT = "userTask_returnAgencyReport";
    public static final String AGENCY_REPORT_OVERDUE = "boundaryTimer_agencyReportOverdue";
    public static final String CHASE_AGENCY_REPORT = "userTask_chaseAgencyReport";
    public static final String END_AGENCY_REPORT_RECEIVED = "endEvent_agencyReportReceived";
    public static final String END_AGENCY_CHASED = "endEvent_agencyChased";
    public static final String END_PROCEED_WITHOUT_REPORT = "endEvent_proceedWithoutReport";
    public static final String RECORD_MEETING = "userTask_recordMeeting";
    public static final String MEETING_OVERDUE = "boundaryTimer_meetingOverdue";
    public static final String LOCAL_REVIEW_CRITERIA = "businessRuleTask_localReviewCriteria";
    public static final String NATIONAL_REVIEW_CRITERIA = "businessRuleTask_nationalReviewCriteria";
    public static final String SHARE_DISAGREEMENT = "serviceTask_shareDisagreement";
    public static final String NOTIFY_HOME_OFFICE = "serviceTask_notifyHomeOffice";
    public static final String WRITE_CHAIR_REPORT = "userTask_writeChairReport";
    public static final String CHAIR_REPORT_OVERDUE = "boundaryTimer_chairReportOverdue";
    public static final String HOLD_WELLBEING_SESSIONS = "userTask_holdWellbeingSessions";
    public static final String WELLBEING_SESSIONS_OVERDUE = "boundaryTimer_wellbeingSessionsOverdue";
    public static final String END_WELLBEING_SESSIONS = "endEvent_wellbeingSessionsHeld";
    public static final String SIGN_OFF = "userTask_signOffRapidReview";
    public static final String SIGN_OFF_OVERDUE = "boundaryTimer_signOffOverdue";
    public static final String STATUTORY_DEADLINE_MISSED = "boundaryTimer_statutoryDeadlineMissed";
    public static final String SEND_TO_PANEL = "serviceTask_sendRapidReviewToPanel";
    public static final String PANEL_DECISION = "callActivity_panelDecision";
    public static final String SUPPORT_NATIONAL_REVIEW = "userTask_supportNationalReview";
    public static final String RECORD_LEARNING = "userTask_recordLearning";
    public static final String SEND_FAMILY_LETTER = "serviceTask_sendFamilyLetter";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String CALL_LCSPR = "callActivity_lcspr";
    public static final String END_NATIONAL_REVIEW = "endEvent_nationalReviewSupported";
    public static final String END_NO_FURTHER_REVIEW = "endEvent_learningDisseminated";
    public static final String END_BREACH_ESCALATED = "endEvent_breachEscalated";

    private Elements() {}
  }

  /** Variable names. */
  public static final class Vars {
    // from the notification flow
    public static final String PANEL_NOTIFICATION_SENT_AT = "panelNotificationSentAt";
    public static final String PANEL_NOTIFICATION_REFERENCE = "panelNotificationReference";
    public static final String CHILDREN = "children";
    // deadlines, stored at the start (SPEC §2)
    public static final String DECIDED_AT = "rapidReviewDecidedAt";
    public static final String DUE_AT = "rapidReviewDueAt";
    public static final String AGENCY_LETTERS_DUE_AT = "agencyLettersDueAt";
    public static final String AGENCY_REPORTS_DUE_AT = "agencyReportsDueAt";
    public static final String AGENCY_REPORT_CHASER_DUE_AT = "agencyReportChaserDueAt";
    public static final String MEETING_EARLIEST_AT = "rapidReviewMeetingEarliestAt";
    public static final String MEETING_DUE_AT = "rapidReviewMeetingDueAt";
    public static final String CHAIR_REPORT_DUE_AT = "chairReportDueAt";
    public static final String WELLBEING_SESSIONS_DUE_AT = "wellbeingSessionsDueAt";
    public static final String SIGN_OFF_DUE_AT = "signOffDueAt";
    public static final String FOLLOW_UP_DUE_AT = "followUpDueAt";
    /** Deadlines missed during {@code panelDecision}; appended to the case's {@code deadlinesBreached}. */
    public static final String PANEL_DEADLINES_BREACHED = "panelDeadlinesBreached";
    // agencies and scope
    public static final String AGENCIES = "agencies";
    public static final String AGENCY_NAME = "agencyName";
    public static final String AGENCY_EMAIL = "contactEmail";
    public static final String AGENCY = "agency";
    public static final String SCOPING_PERIOD_MONTHS = "scopingPeriodMonths";
    public static final String SCOPING_PERIOD_REASON = "scopingPeriodReason";
    // meeting schedule
    public static final String MEETING_AT = "rapidReviewMeetingAt";
    public static final String MEETING_WITHIN_WINDOW = "rapidReviewMeetingWithinWindow";
    public static final String MEETING_OUTSIDE_WINDOW_REASON = "meetingOutsideWindowReason";
    // agency reports (fields local to one agency's instance, then collected)
    public static final String AGENCY_INVOLVEMENT = "agencyInvolvement";
    public static final String KEY_PRACTICE_EPISODES = "keyPracticeEpisodes";
    public static final String AGENCY_LEARNING = "agencyLearning";
    public static final String IMMEDIATE_ACTIONS_TAKEN = "immediateActionsTaken";
    public static final String RECORDS_SECURED = "recordsSecured";
    public static final String RECORDS_NOT_SECURED_REASON = "recordsNotSecuredReason";
    public static final String QUALITY_ASSURED_BY = "qualityAssuredBy";
    public static final String AGENCY_REPORTS = "agencyReports";
    public static final String CHASE_OUTCOME = "chaseOutcome";
    public static final String CHASE_NOTE = "chaseNote";
    public static final String AGENCY_REPORT_CHASES = "agencyReportChases";
    public static final String AGENCY_REPORT_GAPS = "agencyReportGaps";
    // meeting record
    public static final String MEETING_HELD_AT = "rapidReviewMeetingHeldAt";
    public static final String MEETING_ATTENDEES = "meetingAttendees";
    public static final String IMMEDIATE_SAFETY_ACTIONS = "immediateSafetyActions";
    public static final String LEARNING_ALREADY_CAPTURED = "learningAlreadyCaptured";
    public static final String DIVERSITY_CONSIDERATIONS = "diversityConsiderations";
    public static final String LA_LCSPR_VOTE = "laLcsprVote";
    public static final String POLICE_LCSPR_VOTE = "policeLcsprVote";
    public static final String ICB_LCSPR_VOTE = "icbLcsprVote";
    public static final String PARTNERS_AGREE_ON_LCSPR = "partnersAgreeOnLcspr";
    public static final String LCSPR_VOTE_DISAGREEMENT = "lcsprVoteDisagreement";
    public static final String LCSPR_AGREED = "lcsprAgreed";
    public static final String LCSPR_RATIONALE = "lcsprRationale";
    public static final String NATIONAL_REVIEW_SUGGESTED = "nationalReviewSuggested";
    public static final String KEY_LINES_OF_ENQUIRY = "keyLinesOfEnquiry";
    public static final String HOME_OFFICE_CONTRIBUTION_NEEDED = "homeOfficeContributionNeeded";
    public static final String HOME_OFFICE_CONTRIBUTION_DETAILS = "homeOfficeContributionDetails";
    /** Inputs of the decisions {@code localReviewCriteria} and {@code nationalReviewCriteria} (SPEC §4). */
    public static final List<String> CRITERIA_INPUTS =
        List.of(
            "improvementsNeeded", "recurrentThemes", "multiAgencyWorkingConcerns", "panelAdvisedLocalReview",
            "singleAgencyConcern", "noAgencyInvolvementConcern", "multipleAreasInvolved", "institutionalSetting",
            "legislationOrGuidanceChange", "educatedOtherwiseThanAtSchool", "inCareOrOnChildProtectionPlan",
            "rangeOfAbuseTypes");
    // the case's themes and their recurrence (issue 19.1, 19.2; learning.ThemesListener, ThemeRecurrence)
    public static final String CASE_THEMES = uk.cspr.workflow.learning.LearningVariables.CASE_THEMES;
    public static final String THEME_RECURRENCE = uk.cspr.workflow.learning.LearningVariables.THEME_RECURRENCE;
    public static final String RECURRENT_THEMES_OFFERED = uk.cspr.workflow.learning.LearningVariables.RECURRENT_THEMES_OFFERED;
    public static final String RECURRENT_THEMES_DECISION = uk.cspr.workflow.learning.LearningVariables.RECURRENT_THEMES_DECISION;
    public static final String EDUCATED_OTHERWISE = "educatedOtherwiseThanAtSchool";
    public static final String IN_CARE_OR_ON_PLAN = "inCareOrOnChildProtectionPlan";
    public static final String LOCAL_CRITERIA_MET = "localCriteriaMet";
    public static final String LOCAL_REGARD_CIRCUMSTANCES = "localRegardCircumstances";
    public static final String LOCAL_CRITERIA_RATIONALE = "localCriteriaRationale";
    public static final String NATIONAL_CRITERIA_MET = "nationalCriteriaMet";
    public static final String NATIONAL_REGARD_CIRCUMSTANCES = "nationalRegardCircumstances";
    public static final String NATIONAL_CRITERIA_RATIONALE = "nationalCriteriaRationale";
    // chair's report, wellbeing, sign-off, submission
    public static final String CHAIR_REPORT_COMPLETED_AT = "chairReportCompletedAt";
    public static final String WELLBEING_SESSIONS_HELD = "wellbeingSessionsHeld";
    public static final String LCSPR_DECISION_RATIONALE = "lcsprDecisionRationale";
    public static final String LA_SIGNED_OFF_BY = "laSignedOffBy";
    public static final String POLICE_SIGNED_OFF_BY = "policeSignedOffBy";
    public static final String ICB_SIGNED_OFF_BY = "icbSignedOffBy";
    public static final String SIGNED_OFF_AT = "rapidReviewSignedOffAt";
    public static final String LCSPR_DECIDED_AT = "lcsprDecidedAt";
    public static final String SUMMARY = "rapidReviewSummary";
    public static final String SENT_AT = "rapidReviewSentAt";
    // after the Panel's answer
    public static final String FAMILY_LETTER_REQUESTED = "familyLetterRequested";
    /** Set by {@code deadlineBreach} on the escalation path; relabelled for the statutory deadline. */
    public static final String BREACHED_STEP = "breachedStep";

    private Vars() {}
  }

  private RapidReviewProcess() {}
}
