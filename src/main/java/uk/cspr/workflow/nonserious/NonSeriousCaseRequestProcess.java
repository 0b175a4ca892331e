package uk.cspr.workflow.nonserious;

import uk.cspr.workflow.config.ProcessKeys;

/**
 * Backing class of {@code processes/nonSeriousCaseRequest.bpmn} (SPEC §3.4): its key, element ids
 * and variable names, so Java never spells them as raw strings.
 */
public final class NonSeriousCaseRequestProcess {

  public static final String KEY = ProcessKeys.NON_SERIOUS_CASE_REQUEST;

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_requestReceived";
    public static final String CHECK_REQUEST = "userTask_checkRequest";
    public static final String INFORM_PARTNERS_OF_REQUEST = "serviceTask_informPartnersOfRequest";
    public static final String RECOMMEND_REVIEW = "userTask_recommendReview";
    public static final String SSL_RECOMMENDATION_OVERDUE = "boundaryTimer_sslRecommendationOverdue";
    public static final String DECIDE_REVIEW = "userTask_decideReview";
    public static final String PARTNERS_DECISION_OVERDUE = "boundaryTimer_partnersDecisionOverdue";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String CALL_LCSPR = "callActivity_lcspr";
    public static final String INFORM_REQUESTER_NO_CONSENT = "serviceTask_informRequesterNoConsent";
    public static final String COMMISSION_LEARNING_REVIEW = "userTask_commissionLearningReview";
    public static final String INFORM_REQUESTER_NOT_AGREED = "serviceTask_informRequesterNotAgreed";
    public static final String END_REVIEW_COMPLETED = "endEvent_reviewCompleted";
    public static final String END_NO_FAMILY_CONSENT = "endEvent_noFamilyConsent";
    public static final String END_LEARNING_REVIEW_COMMISSIONED = "endEvent_learningReviewCommissioned";
    public static final String END_REQUEST_NOT_AGREED = "endEvent_requestNotAgreed";

    private Elements() {}
  }

  /** Variable names. */
  public static final class Vars {
    // request (start form); agency and requester share the notification's names
    public static final String REFERRING_AGENCY = "referringAgency";
    public static final String REFERRER_NAME = "referrerName";
    public static final String REFERRER_EMAIL = "referrerEmail";
    public static final String REQUEST_CATEGORY = "requestCategory";
    public static final String REQUEST_SUMMARY = "requestSummary";
    public static final String DISCUSSED_WITH_SENIOR_LEAD = "discussedWithSeniorLead";
    public static final String SENIOR_LEAD_CONSULTED = "seniorLeadConsulted";
    // derived at registration
    public static final String REQUEST_RECEIVED_AT = "requestReceivedAt";
    public static final String SSL_RECOMMENDATION_DUE_AT = "sslRecommendationDueAt";
    public static final String PARTNERS_DECISION_DUE_AT = "partnersDecisionDueAt";
    public static final String DECISION_ALREADY_TAKEN = "decisionAlreadyTaken";
    // from seriousIncidentNotification (outcomes (c) and (d))
    public static final String NOTIFICATION_OUTCOME = "outcome";
    public static final String NOTIFICATION_OUTCOME_RATIONALE = "outcomeRationale";
    // recommendation and decision
    public static final String SSL_RECOMMENDATION = "sslRecommendation";
    public static final String SSL_RATIONALE = "sslRationale";
    public static final String PARTNERS_DECISION = "partnersDecision";
    public static final String PARTNERS_RATIONALE = "partnersRationale";
    public static final String PARTNERS_DECIDED_AT = "partnersDecidedAt";
    // learning review and the local review's result
    public static final String LEARNING_REVIEW_DUE_ON = "learningReviewDueOn";
    public static final String LCSPR_OUTCOME = "lcsprOutcome";

    private Vars() {}
  }

  private NonSeriousCaseRequestProcess() {}
}
