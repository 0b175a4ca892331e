package uk.cspr.workflow.notification;

import uk.cspr.workflow.config.ProcessKeys;

/**
 * Backing class of {@code processes/seriousIncidentNotification.bpmn} (SPEC §3.1): its key,
 * element ids and variable names, so Java never spells them as raw strings.
 */
public final class NotificationProcess {

  public static final String KEY = ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION;

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_referralReceived";
    public static final String AUTHORISE_REFERRAL = "userTask_authoriseReferral";
    public static final String ASSESS_CHILDREN = "subProcess_assessChildren";
    public static final String INFORM_PARTNERS = "userTask_informPartners";
    public static final String SEND_NOTIFICATION_LETTERS = "serviceTask_sendNotificationLetters";
    public static final String RECORD_SSL_RECOMMENDATION = "userTask_recordSslRecommendation";
    public static final String RECORD_PARTNERS_DECISION = "userTask_recordPartnersDecision";
    public static final String RESOLVE_AT_SENIOR_LEADS = "userTask_resolveAtSeniorLeads";
    public static final String RESOLVE_AT_SAFEGUARDING_PARTNERS = "userTask_resolveAtSafeguardingPartners";
    public static final String MEDIATE_DISAGREEMENT = "userTask_mediateDisagreement";
    public static final String SEND_DECISION_RECORD = "serviceTask_sendDecisionRecord";
    public static final String NOTIFY_PANEL = "userTask_notifyPanel";
    /** An incident elsewhere in England: the other authority notifies the Panel (CA 2004 s.16C(1)). */
    public static final String RECORD_OTHER_AUTHORITY_NOTIFICATION = "userTask_recordOtherAuthorityNotification";
    public static final String REPORT_TO_PARTNERS = "userTask_reportToPartners";
    public static final String NOTIFY_SOS_AND_OFSTED = "userTask_notifySecretaryOfStateAndOfsted";
    public static final String NOTIFY_OFSTED_AND_DFE = "userTask_notifyOfstedAndDfeCareLeaverDeath";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String INFORM_PARTNERS_OVERDUE = "boundaryTimer_informPartnersOverdue";
    public static final String SSL_RECOMMENDATION_OVERDUE = "boundaryTimer_sslRecommendationOverdue";
    public static final String PARTNERS_DECISION_OVERDUE = "boundaryTimer_partnersDecisionOverdue";
    public static final String REPORT_TO_PARTNERS_OVERDUE = "boundaryTimer_reportToPartnersOverdue";
    public static final String PANEL_NOTIFICATION_OVERDUE = "boundaryTimer_panelNotificationOverdue";
    public static final String END_WITHDRAWN = "endEvent_referralWithdrawn";
    public static final String END_NO_FURTHER_ACTION = "endEvent_noFurtherAction";
    public static final String CALL_LEARNING_REVIEW = "callActivity_nonSeriousCaseRequest";
    public static final String CALL_RAPID_REVIEW = "callActivity_rapidReview";
    public static final String START_PARALLEL_REVIEWS = "serviceTask_startParallelReviews";
    public static final String END_DUTIES_DISCHARGED = "endEvent_dutiesDischarged";

    private Elements() {}
  }

  /** Variable names (the referral form's field keys and what the flow derives from them). */
  public static final class Vars {
    // referral (start form / POST /api/referrals)
    public static final String REFERRING_AGENCY = "referringAgency";
    public static final String REFERRER_NAME = "referrerName";
    public static final String REFERRER_EMAIL = "referrerEmail";
    public static final String INCIDENT_DATE = "incidentDate";
    public static final String AWARE_OF_INCIDENT_AT = "awareOfIncidentAt";
    public static final String CHILDREN = "children";
    public static final String ABUSE_OR_NEGLECT = "abuseOrNeglectKnownOrSuspected";
    public static final String INCIDENT_LOCATION = "incidentLocation";
    public static final String OTHER_AREAS_INVOLVED = "otherAreasInvolved";
    public static final String INCIDENT_SUMMARY = "incidentSummary";
    public static final String DISCUSSED_WITH_SENIOR_LEAD = "discussedWithSeniorLead";
    // derived at registration
    public static final String REFERRAL_RECEIVED_AT = "referralReceivedAt";
    public static final String AGENCY_AUTHORISATION_REQUIRED = "agencyAuthorisationRequired";
    public static final String PARTNERS_INFORMED_DUE_AT = "partnersInformedDueAt";
    public static final String PANEL_NOTIFICATION_DUE_AT = "panelNotificationDueAt";
    public static final String PARTNERS_REPORT_DUE_AT = "partnersReportDueAt";
    public static final String SSL_RECOMMENDATION_DUE_AT = "sslRecommendationDueAt";
    public static final String DSP_DECISION_DUE_AT = "dspDecisionDueAt";
    // authorisation
    public static final String REFERRAL_AUTHORISED = "referralAuthorised";
    // assessment (decisions seriousCaseCriteria and notificationDuties, per child)
    public static final String SERIOUS_CASE = "seriousCase";
    public static final String SERIOUS_CASE_REASON = "seriousCaseReason";
    public static final String DUTIES = "duties";
    public static final String CHILD_ASSESSMENTS = "childAssessments";
    public static final String SERIOUS_CASE_RESULT = "seriousCaseResult";
    public static final String DUTIES_RESULT = "dutiesResult";
    public static final String CHILD = "child";
    // recommendation, votes, dispute resolution, outcome
    public static final String SSL_RECOMMENDATION = "sslRecommendation";
    public static final String SSL_RATIONALE = "sslRationale";
    public static final String LA_VOTE = "laVote";
    public static final String POLICE_VOTE = "policeVote";
    public static final String ICB_VOTE = "icbVote";
    public static final String PARTNERS_AGREE = "partnersAgree";
    public static final String AGREED_OUTCOME = "agreedOutcome";
    public static final String DISPUTE_RESOLVED = "disputeResolved";
    public static final String DISPUTE_NOTES = "disputeNotes";
    public static final String DISPUTE_RECORD = "disputeRecord";
    public static final String OUTCOME = "outcome";
    public static final String OUTCOME_RATIONALE = "outcomeRationale";
    // statutory notification by the local authority
    public static final String PANEL_NOTIFICATION_SENT_AT = "panelNotificationSentAt";
    public static final String PANEL_NOTIFICATION_REFERENCE = "panelNotificationReference";

    private Vars() {}
  }

  private NotificationProcess() {}
}
