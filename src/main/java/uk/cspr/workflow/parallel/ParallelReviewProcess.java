package uk.cspr.workflow.parallel;

import java.util.List;
import uk.cspr.workflow.config.ProcessKeys;

/**
 * Backing class of {@code processes/parallelReviewInterface.bpmn} (SPEC §3.5): its key, element
 * ids, messages and variable names, so Java never spells them as raw strings.
 */
public final class ParallelReviewProcess {

  public static final String KEY = ProcessKeys.PARALLEL_REVIEW_INTERFACE;

  /** The decision that lists the parallel processes (SPEC §4, hit policy COLLECT, output {@code review}). */
  public static final String TRIGGERS_DECISION = "parallelReviewTriggers";

  /** Local timescale step (decision {@code localTimescales}): YJB notified within 1 working day. */
  public static final String YJB_NOTIFICATION_STEP = "parallel.yjbNotification";

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_parallelReviewsRequested";
    public static final String RECORD_FACTS = "userTask_recordFacts";
    public static final String TRIGGERS = "businessRuleTask_parallelReviewTriggers";
    public static final String LIAISE_WITH_LEAD = "subProcess_liaiseWithLead";
    public static final String NOTIFY_LEAD = "serviceTask_notifyLead";
    public static final String NOTIFY_YOUTH_JUSTICE_BOARD = "userTask_notifyYouthJusticeBoard";
    public static final String YJB_NOTIFICATION_OVERDUE = "boundaryTimer_yjbNotificationOverdue";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String AGREE_WORKING = "userTask_agreeWorking";
    public static final String TRACK_UNTIL_CLOSED = "userTask_trackUntilClosed";
    public static final String TRACKING_REMINDER = "boundaryTimer_trackingReminder";
    public static final String SEND_TRACKING_REMINDER = "serviceTask_sendTrackingReminder";
    public static final String SEND_PROCEEDINGS_PAUSED = "serviceTask_sendProceedingsPaused";
    public static final String SEND_PROCEEDINGS_CONCLUDED = "serviceTask_sendProceedingsConcluded";
    public static final String END_PARALLEL_PROCESS_CLOSED = "endEvent_parallelProcessClosed";
    public static final String END_NO_PARALLEL_PROCESS = "endEvent_noParallelProcess";
    public static final String END_ALL_CLOSED = "endEvent_parallelProcessesClosed";

    private Elements() {}
  }

  /** Messages sent to the LCSPR of the case (contract with {@code processes/lcspr.bpmn}). */
  public static final class Messages {
    public static final String CRIMINAL_PROCEEDINGS_PAUSED = "cspr.criminalProceedingsPaused";
    public static final String CRIMINAL_PROCEEDINGS_CONCLUDED = "cspr.criminalProceedingsConcluded";

    private Messages() {}
  }

  /** Variable names. */
  public static final class Vars {
    // facts (start form / recordParallelReviewFacts / POST /api/cases/{ref}/parallel-reviews); inputs of the decision
    public static final String AWARE_OF_INCIDENT_AT = "awareOfIncidentAt";
    public static final String VICTIM_DIED = "victimDied";
    public static final String VICTIM_AGE = "victimAge";
    public static final String PERPETRATOR_RELATIONSHIP = "perpetratorRelationship";
    public static final String ADULT_WITH_CARE_AND_SUPPORT_NEEDS = "adultWithCareAndSupportNeeds";
    public static final String MAPPA_LEVEL = "mappaLevel";
    public static final String DAYS_SINCE_MAPPA_MANAGEMENT_ENDED = "daysSinceMappaManagementEnded";
    public static final String OFFENCE_CATEGORY = "offenceCategory";
    public static final String MAPPA_PUBLIC_INTEREST = "mappaPublicInterest";
    public static final String UNDER_PROBATION_SUPERVISION = "underProbationSupervision";
    public static final String CHILD_ON_YOUTH_JUSTICE_CASELOAD = "childOnYouthJusticeCaseload";
    public static final String DAYS_SINCE_YOUTH_JUSTICE_SUPERVISION_ENDED = "daysSinceYouthJusticeSupervisionEnded";
    public static final String CHILD_CHARGED = "childCharged";
    public static final String UNEXPECTED_OR_UNEXPLAINED_DEATH = "unexpectedOrUnexplainedDeath";
    public static final String DIED_IN_STATE_DETENTION = "diedInStateDetention";
    public static final String CRIMINAL_INVESTIGATION = "criminalInvestigation";
    public static final String MIGRATION_BORDER_OR_CITIZENSHIP_ISSUE = "migrationBorderOrCitizenshipIssue";
    public static final String LEARNING_DISABILITY_OR_AUTISM = "learningDisabilityOrAutism";

    /** The boolean facts, in the decision's order. */
    public static final List<String> YES_NO_FACTS =
        List.of(
            VICTIM_DIED, ADULT_WITH_CARE_AND_SUPPORT_NEEDS, MAPPA_PUBLIC_INTEREST, UNDER_PROBATION_SUPERVISION,
            CHILD_ON_YOUTH_JUSTICE_CASELOAD, CHILD_CHARGED, UNEXPECTED_OR_UNEXPLAINED_DEATH, DIED_IN_STATE_DETENTION,
            CRIMINAL_INVESTIGATION, MIGRATION_BORDER_OR_CITIZENSHIP_ISSUE, LEARNING_DISABILITY_OR_AUTISM);

    // derived at the start
    public static final String FACTS_RECORDED = "factsRecorded";
    public static final String FACTS_RECORDED_AT = "factsRecordedAt";
    public static final String YJB_NOTIFICATION_DUE_AT = "yjbNotificationDueAt";
    public static final String TRACKING_REMINDER_CYCLE = "trackingReminderCycle";
    // decision result and the case-level record
    public static final String PARALLEL_REVIEWS = "parallelReviews";
    public static final String PARALLEL_REVIEW_RECORDS = "parallelReviewRecords";
    public static final String CRIMINAL_PROCEEDINGS_LOG = "criminalProceedingsLog";
    // per parallel process (local to each instance of the multi-instance sub-process)
    public static final String REVIEW = "review";
    public static final String REVIEW_NAME = "reviewName";
    public static final String LEAD_TITLE = "leadTitle";
    public static final String LEAD_EMAIL = "leadEmail";
    public static final String LEAD_ADDRESSEE = "leadAddressee";
    public static final String YJB_NOTIFIED_AT = "yjbNotifiedAt";
    public static final String YJB_NOTIFICATION_REFERENCE = "yjbNotificationReference";
    public static final String AGREED_WITH = "agreedWith";
    public static final String AGREED_AT = "agreedAt";
    public static final String AGREEMENT_NOTES = "agreementNotes";
    public static final String TRACKING_UPDATE = "trackingUpdate";
    public static final String TRACKING_NOTE = "trackingNote";
    public static final String CLOSED_AT = "closedAt";
    public static final String PAUSE_FAMILY_ENGAGEMENT = "pauseFamilyEngagement";
    public static final String PAUSE_PUBLICATION = "pausePublication";
    public static final String PAUSE_REASON = "pauseReason";
    public static final String PAUSED_AREAS = "pausedAreas";
    public static final String LCSPR_CORRELATION = "lcsprCorrelation";
    public static final String REVIEW_STATUS = "reviewStatus";
    // input parameter of the correlation delegate
    public static final String MESSAGE = "message";

    private Vars() {}
  }

  /**
   * Areas of joint or parallel working (North Lincs Appendix 3 "Principles"); each has the form fields
   * {@code <area>Working} (JOINT | PARALLEL | NOT_APPLICABLE) and {@code <area>Notes}.
   */
  public static final List<String> WORKING_AREAS =
      List.of(
          "rapidReview", "criteriaEvaluation", "immediateSafetyActions", "commissioning", "methodology",
          "familyInvolvement", "reviewerSupervision", "publicationCoordination", "actionPlans");

  /** Areas of the LCSPR that criminal proceedings can pause (message variable {@code pausedAreas}). */
  public enum PausedArea { FAMILY_ENGAGEMENT, PUBLICATION }

  /** What the business unit records while tracking (form trackParallelReview, variable {@code trackingUpdate}). */
  public enum TrackingUpdate { PROGRESS, PROCEEDINGS_PAUSED, PROCEEDINGS_CONCLUDED, CLOSED }

  /** Result of passing a criminal-proceedings event to the LCSPR ({@code lcsprCorrelation}). */
  public enum LcsprCorrelation { CORRELATED, NO_LCSPR_RUNNING, LCSPR_NOT_WAITING }

  private ParallelReviewProcess() {}
}
