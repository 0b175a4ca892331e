package uk.cspr.workflow.lcspr;

import uk.cspr.workflow.config.ProcessKeys;

/**
 * Backing class of {@code processes/lcspr.bpmn} (SPEC §3.3): its key, element ids, messages and
 * variable names, so Java never spells them as raw strings.
 */
public final class LcsprProcess {

  public static final String KEY = ProcessKeys.LCSPR;

  /** Working Together 2023 ch.4 para 41: published no later than six months from the decision. */
  public static final int PUBLICATION_MONTHS = 6;

  /** Working Together 2023 ch.4 para 40: report to the Panel and DfE no later than 7 working days before publication. */
  public static final int FINAL_REPORT_WORKING_DAYS_BEFORE_PUBLICATION = 7;

  /** Working Together 2023 ch.4 para 38: published reports available for at least one year. */
  public static final int AVAILABLE_FOR_MONTHS = 12;

  /** Messages this process catches (names are a contract with other flows and REST clients). */
  public static final class Messages {
    /** Learning, corrective action or new information to record at any time (no variables needed). */
    public static final String LEARNING_IDENTIFIED = "cspr.learningIdentified";
    /** Contract with parallelReviewInterface: variables {@code pauseReason}, {@code pausedAreas}. */
    public static final String CRIMINAL_PROCEEDINGS_PAUSED = "cspr.criminalProceedingsPaused";
    /** Contract with parallelReviewInterface: family engagement and publication resume. */
    public static final String CRIMINAL_PROCEEDINGS_CONCLUDED = "cspr.criminalProceedingsConcluded";
    /** Opens the task to change the planned publication date (no variables needed). */
    public static final String PUBLICATION_DATE_CHANGE_REQUESTED = "cspr.publicationDateChangeRequested";

    private Messages() {}
  }

  /** Escalation thrown when the Panel decides on a national review; the local review stops. */
  public static final String NATIONAL_REVIEW_COMMISSIONED = "nationalReviewCommissioned";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_lcsprDecided";
    public static final String INFORM_PANEL_OF_DECISION = "serviceTask_informPanelOfDecision";
    public static final String RECORD_FAMILY_CONSENT = "userTask_recordFamilyConsent";
    public static final String END_NO_FAMILY_CONSENT = "endEvent_noFamilyConsent";
    public static final String COMMISSION_REVIEWER = "userTask_commissionReviewer";
    public static final String INFORM_PANEL_OF_REVIEWER = "serviceTask_informPanelOfReviewer";
    public static final String AGREE_TERMS_OF_REFERENCE = "userTask_agreeTermsOfReference";
    public static final String ENDORSE_TERMS_OF_REFERENCE = "userTask_endorseTermsOfReference";
    public static final String CONDUCT_REVIEW = "subProcess_conductReview";
    public static final String FAMILY_ENGAGEMENT_NOT_PAUSED = "intermediateCatchEvent_familyEngagementNotPaused";
    public static final String PLAN_FAMILY_ENGAGEMENT = "userTask_planFamilyEngagement";
    public static final String SEND_FAMILY_INVITATION = "serviceTask_sendFamilyInvitation";
    public static final String RECORD_FAMILY_ENGAGEMENT = "userTask_recordFamilyEngagement";
    public static final String RECORD_PRACTITIONER_EVENTS = "userTask_recordPractitionerEvents";
    public static final String REQUEST_AGENCY_CHRONOLOGIES = "serviceTask_requestAgencyChronologies";
    public static final String RETURN_AGENCY_CHRONOLOGY = "userTask_returnAgencyChronology";
    public static final String AGENCY_CHRONOLOGIES_OVERDUE = "boundaryTimer_agencyChronologiesOverdue";
    public static final String CHASE_AGENCY_CHRONOLOGIES = "serviceTask_chaseAgencyChronologies";
    public static final String SUBMIT_DRAFT_REPORT = "userTask_submitDraftReport";
    public static final String GIVE_PANEL_FEEDBACK = "userTask_givePanelFeedback";
    public static final String PANEL_FEEDBACK_OVERDUE = "boundaryTimer_panelFeedbackOverdue";
    public static final String SUBMIT_FINAL_REPORT = "userTask_submitFinalReport";
    public static final String PROGRESS_REQUEST = "boundaryTimer_progressRequest";
    public static final String REPORT_PROGRESS = "userTask_reportProgress";
    public static final String ASSESS_PROGRESS = "userTask_assessProgress";
    public static final String ENDORSE_FINAL_REPORT = "userTask_endorseFinalReport";
    public static final String REVISE_FINAL_REPORT = "userTask_reviseFinalReport";
    public static final String PUBLICATION_NOT_PAUSED = "intermediateCatchEvent_publicationNotPaused";
    public static final String DECIDE_PUBLICATION = "userTask_decidePublication";
    public static final String SEND_PUBLICATION_JUSTIFICATION = "serviceTask_sendPublicationJustification";
    public static final String SEND_FINAL_REPORT = "userTask_sendFinalReport";
    public static final String FINAL_REPORT_OVERDUE = "boundaryTimer_finalReportOverdue";
    public static final String SEND_FINAL_REPORT_TO_PANEL = "serviceTask_sendFinalReportToPanel";
    public static final String PUBLISH_REPORT = "userTask_publishReport";
    public static final String SUBMIT_TO_NSPCC = "serviceTask_submitToNspcc";
    public static final String SEND_REPORT_TO_YOUTH_JUSTICE_BOARD = "serviceTask_sendReportToYouthJusticeBoard";
    public static final String AVAILABLE_FOR_ONE_YEAR = "intermediateCatchEvent_availableForOneYear";
    public static final String REVIEW_REPORT_AVAILABILITY = "userTask_reviewReportAvailability";
    public static final String SHARE_LEARNING = "userTask_shareLearning";
    public static final String AGREE_ACTION_PLAN = "userTask_agreeActionPlan";
    public static final String ACTION_PLAN_REVIEW_DUE = "intermediateCatchEvent_actionPlanReviewDue";
    public static final String REVIEW_ACTION_PLAN = "userTask_reviewActionPlan";
    public static final String SIGN_OFF_ACTION_PLAN = "userTask_signOffActionPlan";
    public static final String AUDIT_IMPROVEMENTS = "userTask_auditImprovements";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String END_REVIEW_CLOSED = "endEvent_reviewClosed";
    // at any time: event sub-processes
    public static final String LEARNING_IDENTIFIED = "subProcess_learningIdentified";
    public static final String RECORD_LEARNING = "userTask_recordLearning";
    public static final String SHARE_NEW_INFORMATION_WITH_PANEL = "serviceTask_shareNewInformationWithPanel";
    public static final String PANEL_DECISION = "callActivity_panelDecision";
    public static final String END_LOCAL_REVIEW_CONTINUES = "endEvent_localReviewContinues";
    public static final String END_NATIONAL_REVIEW_COMMISSIONED = "endEvent_nationalReviewCommissioned";
    public static final String INFORM_PARTNERS_OF_NATIONAL_REVIEW = "serviceTask_informPartnersOfNationalReview";
    public static final String END_SUPERSEDED_BY_NATIONAL_REVIEW = "endEvent_supersededByNationalReview";
    public static final String CRIMINAL_PROCEEDINGS_PAUSED = "startEvent_criminalProceedingsPaused";
    public static final String SEND_PROCEEDINGS_DELAY_NOTICE = "serviceTask_sendProceedingsDelayNotice";
    public static final String CRIMINAL_PROCEEDINGS_CONCLUDED = "startEvent_criminalProceedingsConcluded";
    public static final String CONFIRM_PUBLICATION_DATE_AFTER_PROCEEDINGS = "userTask_confirmPublicationDateAfterProceedings";
    public static final String SEND_DELAY_NOTICE_AFTER_PROCEEDINGS = "serviceTask_sendDelayNoticeAfterProceedings";
    public static final String UPDATE_PLANNED_PUBLICATION_DATE = "userTask_updatePlannedPublicationDate";
    public static final String SEND_DELAY_NOTICE_ON_UPDATE = "serviceTask_sendDelayNoticeOnUpdate";
    public static final String PUBLICATION_WARNING = "startEvent_publicationWarning";
    public static final String CONFIRM_PUBLICATION_TIMETABLE = "userTask_confirmPublicationTimetable";
    public static final String SEND_DELAY_NOTICE_AT_WARNING = "serviceTask_sendDelayNoticeAtWarning";
    public static final String PUBLICATION_DEADLINE_PASSED = "startEvent_publicationDeadlinePassed";
    public static final String PUBLICATION_DEADLINE_MISSED = "intermediateThrowEvent_publicationDeadlineMissed";
    public static final String EXPLAIN_LATE_PUBLICATION = "userTask_explainLatePublication";
    public static final String SEND_DELAY_NOTICE_WHEN_OVERDUE = "serviceTask_sendDelayNoticeWhenOverdue";

    private Elements() {}
  }

  /** Variable names (form field keys and what the flow derives from them). */
  public static final class Vars {
    // in: from the caller (rapidReview, nonSeriousCaseRequest) or the start form
    public static final String STATUTORY = "statutory";
    public static final String LCSPR_DECIDED_AT = "lcsprDecidedAt";
    public static final String INCIDENT_SUMMARY = "incidentSummary";
    public static final String KEY_LINES_OF_ENQUIRY = "keyLinesOfEnquiry";
    public static final String NOTIFIED_TO_YJB = "notifiedToYjb";
    // deadlines and timetable (SPEC §2: stored, and the due dates of the tasks that discharge them)
    public static final String PUBLICATION_DUE_AT = "lcsprPublicationDueAt";
    public static final String PUBLICATION_WARNING_AT = "publicationWarningAt";
    public static final String PLANNED_PUBLICATION_DATE = "plannedPublicationDate";
    public static final String FINAL_REPORT_TO_PANEL_DUE_AT = "finalReportToPanelDueAt";
    public static final String AGENCY_CHRONOLOGIES_DUE_AT = "agencyChronologiesDueAt";
    public static final String PANEL_FEEDBACK_DUE_AT = "panelFeedbackDueAt";
    public static final String PROGRESS_REQUEST_INTERVAL = "progressRequestInterval";
    public static final String ACTION_PLAN_REVIEW_INTERVAL = "actionPlanReviewInterval";
    public static final String DELAY_REASONS = "delayReasons";
    public static final String DELAY_NOTICE_DUE = "delayNoticeDue";
    public static final String DELAY_NOTICE_SENT_FOR = "delayNoticeSentFor";
    public static final String DELAY_NOTICES = "delayNotices";
    /** The checkboxes of the reviewer criteria (WT para 31) that commissioning confirms. */
    public static final java.util.Set<String> REVIEWER_CRITERIA = CommissioningChecks.REVIEWER_CRITERIA.keySet();
    /** The checkboxes of what the draft report must contain. */
    public static final java.util.Set<String> DRAFT_CONTENTS = ReportChecks.DRAFT_CONTENTS.keySet();
    // family consent (non-statutory variant)
    public static final String FAMILY_CONSENT = "familyConsent";
    public static final String FAMILY_CONSENT_RATIONALE = "familyConsentRationale";
    // reviewer (WT para 31 criteria)
    public static final String REVIEWER_NAME = "reviewerName";
    public static final String REVIEWER_SOURCE = "reviewerSource";
    public static final String INDEPENDENCE_ARRANGEMENTS = "independenceArrangements";
    public static final String REVIEWER_INDEPENDENT = "reviewerIndependent";
    public static final String REVIEWER_PROFESSIONAL_KNOWLEDGE = "reviewerProfessionalKnowledge";
    public static final String REVIEWER_UNDERSTANDS_PRACTICE = "reviewerUnderstandsPractice";
    public static final String REVIEWER_ANALYSIS_AND_EVIDENCE = "reviewerAnalysisAndEvidence";
    public static final String REVIEWER_COMMUNICATES = "reviewerCommunicates";
    public static final String REVIEWER_NO_CONFLICT_OF_INTEREST = "reviewerNoConflictOfInterest";
    // terms of reference
    public static final String METHODOLOGY = "methodology";
    public static final String REVIEW_PERIOD_FROM = "reviewPeriodFrom";
    public static final String REVIEW_PERIOD_TO = "reviewPeriodTo";
    public static final String TERMS_OF_REFERENCE = "termsOfReference";
    public static final String RACE_ETHNICITY_CULTURE_ADDRESSED = "raceEthnicityCultureAddressed";
    public static final String RACE_ETHNICITY_CULTURE_ENQUIRY = "raceEthnicityCultureEnquiry";
    public static final String INVOLVED_AGENCIES = "involvedAgencies";
    public static final String PANEL_MEMBERS = "panelMembers";
    public static final String TERMS_OF_REFERENCE_ENDORSED = "termsOfReferenceEndorsed";
    public static final String TERMS_OF_REFERENCE_COMMENTS = "termsOfReferenceComments";
    // family engagement
    public static final String INVITE_FAMILY = "inviteFamily";
    public static final String FAMILY_NOT_INVITED_REASONS = "familyNotInvitedReasons";
    public static final String FAMILY_PARTICIPATED = "familyParticipated";
    public static final String FAMILY_NON_INVOLVEMENT_REASONS = "familyNonInvolvementReasons";
    // agencies
    public static final String AGENCY = "agency";
    public static final String CHRONOLOGY_RETURNED = "chronologyReturned";
    public static final String CHRONOLOGY_REFERENCE = "chronologyReference";
    public static final String CHRONOLOGY_NOTES = "chronologyNotes";
    public static final String CHRONOLOGIES_RETURNED = "chronologiesReturned";
    // report
    public static final String DRAFT_SUBMITTED_AT = "draftSubmittedAt";
    public static final String FINAL_REPORT_ENDORSED = "finalReportEndorsed";
    public static final String FINAL_REPORT_COMMENTS = "finalReportComments";
    public static final String PUBLICATION_DECISION = "publicationDecision";
    public static final String NON_PUBLICATION_JUSTIFICATION = "nonPublicationJustification";
    public static final String PUBLICATION_IMPACT_CONSIDERED = "publicationImpactConsidered";
    public static final String REPORT_READY_CONFIRMED = "reportReadyConfirmed";
    public static final String FINAL_REPORT_SENT_AT = "finalReportSentAt";
    public static final String PUBLISHED = "published";
    public static final String PUBLISHED_AT = "publishedAt";
    public static final String PUBLICATION_URL = "publicationUrl";
    public static final String REVIEWER_NAMED_IN_PUBLICATION = "reviewerNamedInPublication";
    public static final String AVAILABLE_UNTIL = "availableUntil";
    // action plan
    public static final String ACTION_PLAN = "actionPlan";
    public static final String ACTION_PLAN_SMART_CONFIRMED = "actionPlanSmart";
    public static final String ACTION_PLAN_COMPLETE = "actionPlanComplete";
    public static final String ACTION_PLAN_SIGNED_OFF = "actionPlanSignedOff";
    public static final String INDEPENDENT_SCRUTINY_REQUESTED = "independentScrutinyRequested";
    // learning and new information (WT paras 21, 42)
    public static final String LEARNING_SUMMARY = "learningSummary";
    public static final String CORRECTIVE_ACTION = "correctiveAction";
    public static final String LEARNING_DISSEMINATED = "learningDisseminated";
    public static final String NATIONAL_REVIEW_SUGGESTED = "nationalReviewSuggested";
    public static final String NEW_INFORMATION_SUMMARY = "newInformationSummary";
    public static final String LEARNING_LOG = "learningLog";
    public static final String PANEL_SUBMITTED_AT = "panelSubmittedAt";
    public static final String PANEL_ANSWER = "panelAnswer";
    public static final String NATIONAL_REVIEW = "nationalReview";
    // criminal proceedings (contract with parallelReviewInterface)
    public static final String PAUSE_REASON = "pauseReason";
    public static final String PAUSED_AREAS = "pausedAreas";
    public static final String FAMILY_ENGAGEMENT_PAUSED = "familyEngagementPaused";
    public static final String PUBLICATION_PAUSED = "publicationPaused";
    public static final String PUBLICATION_WAS_PAUSED = "publicationWasPaused";
    public static final String CRIMINAL_PROCEEDINGS_LOG = "criminalProceedingsLog";
    // result for the caller
    public static final String LCSPR_OUTCOME = "lcsprOutcome";

    private Vars() {}
  }

  private LcsprProcess() {}
}
