package uk.cspr.workflow.rapidreview;

/**
 * Backing class of {@code processes/panelDecision.bpmn}: the reusable interaction with the Child
 * Safeguarding Practice Review Panel after the partners sent it a rapid review or, later, new
 * information suggesting a national review (Working Together 2023 ch.4 paras 21-27). Internal: it
 * is only ever called, never started from Tasklist.
 *
 * <h2>Contract (call activity)</h2>
 *
 * <p>Inputs ({@code camunda:in}), checked at the start ({@code 400} / rollback when wrong):
 * <ul>
 *   <li>{@link Vars#CASE_REFERENCE} (string, required; also pass the business key);
 *   <li>{@link Vars#PARTNERSHIP} (tenant id, required; the tenant is inherited from the caller);
 *   <li>{@link Vars#PANEL_SUBMITTED_AT} (Date or ISO date-time, required): when the rapid review or
 *       information was sent to the Panel; the Panel aims to answer within 15 working days of it;
 *   <li>{@link Vars#PANEL_SUBMISSION_SUMMARY} (string, required, at most 4000 characters): what was
 *       sent and the partners' own decision, shown to whoever records the Panel's answer;
 *   <li>{@code deadlinesBreached} (optional; normally not passed): a breach list to start from.
 * </ul>
 *
 * <p>Outputs ({@code camunda:out}):
 * <ul>
 *   <li>{@link Vars#PANEL_ANSWER}: {@link PanelAnswer#NATIONAL_REVIEW} or {@link
 *       PanelAnswer#LOCAL_DECISION_STANDS} (further-information requests loop inside and are never
 *       returned);
 *   <li>{@link Vars#NATIONAL_REVIEW} (boolean): the Panel leads a national review;
 *   <li>{@link Vars#PANEL_ANSWERED_AT}, {@link Vars#PANEL_ANSWER_RATIONALE}: when and why;
 *   <li>{@link Vars#PANEL_EXCHANGES}: JSON list of every answer and further-information round;
 *   <li>{@link Vars#SCOPE_DISCUSSIONS}: the scope and methodology discussed for a national review;
 *   <li>{@code deadlinesBreached}: the deadlines missed during this interaction (e.g. further
 *       information sent late). Map it to a variable of its own and append it to the case's list:
 *       the caller's list may have grown meanwhile and must not be overwritten.
 * </ul>
 */
public final class PanelDecisionProcess {

  public static final String KEY = "panelDecision";

  /** Working days after the Panel's answer was due before the chaser task is due. */
  public static final int CHASER_WORKING_DAYS = 1;

  /**
   * Working days to record the national review's scope discussions (WT para 27). No local timescale
   * exists yet; see the README ("Interpretations").
   */
  public static final int SCOPE_DISCUSSIONS_WORKING_DAYS = 10;

  /** Steps of the decision {@code localTimescales}. */
  public static final class Steps {
    public static final String PANEL_ANSWER = "rapidReview.panelAnswer";
    public static final String FURTHER_INFORMATION = "rapidReview.furtherInformation";

    private Steps() {}
  }

  /** Element ids. */
  public static final class Elements {
    public static final String START = "startEvent_submittedToPanel";
    public static final String AWAIT_ANSWER = "exclusiveGateway_awaitPanelAnswer";
    public static final String RECORD_ANSWER = "userTask_recordPanelAnswer";
    public static final String ANSWER_OVERDUE = "boundaryTimer_panelAnswerOverdue";
    public static final String CHASE_PANEL = "userTask_chasePanel";
    public static final String SEND_CHASER = "serviceTask_sendPanelChaser";
    public static final String PROVIDE_FURTHER_INFORMATION = "userTask_provideFurtherInformation";
    public static final String FURTHER_INFORMATION_OVERDUE = "boundaryTimer_furtherInformationOverdue";
    public static final String SEND_FURTHER_INFORMATION = "serviceTask_sendFurtherInformation";
    public static final String RECORD_SCOPE_DISCUSSIONS = "userTask_recordScopeDiscussions";
    public static final String ESCALATE_MISSED_DEADLINE = "userTask_escalateMissedDeadline";
    public static final String END_NATIONAL_REVIEW = "endEvent_nationalReview";
    public static final String END_LOCAL_DECISION_STANDS = "endEvent_localDecisionStands";

    private Elements() {}
  }

  /** Variable names (inputs and outputs of the contract above, and the internal ones). */
  public static final class Vars {
    public static final String CASE_REFERENCE = uk.cspr.workflow.cases.CaseVariables.CASE_REFERENCE;
    public static final String PARTNERSHIP = uk.cspr.workflow.cases.CaseVariables.PARTNERSHIP;
    public static final String PANEL_SUBMITTED_AT = "panelSubmittedAt";
    public static final String PANEL_SUBMISSION_SUMMARY = "panelSubmissionSummary";
    public static final String PANEL_ANSWER_DUE_AT = "panelAnswerDueAt";
    public static final String PANEL_CHASER_DUE_AT = "panelChaserDueAt";
    public static final String PANEL_ANSWER = "panelAnswer";
    public static final String PANEL_ANSWERED_AT = "panelAnsweredAt";
    public static final String PANEL_ANSWER_RATIONALE = "panelAnswerRationale";
    public static final String PANEL_REQUESTED_INFORMATION = "panelRequestedInformation";
    public static final String NATIONAL_REVIEW = "nationalReview";
    public static final String FURTHER_INFORMATION = "furtherInformation";
    public static final String FURTHER_INFORMATION_DUE_AT = "furtherInformationDueAt";
    public static final String FURTHER_INFORMATION_ROUNDS = "furtherInformationRounds";
    public static final String PANEL_EXCHANGES = "panelExchanges";
    public static final String PANEL_CHASE_NOTE = "panelChaseNote";
    public static final String SCOPE_DISCUSSIONS = "nationalReviewScopeDiscussions";
    public static final String SCOPE_DISCUSSIONS_DUE_AT = "scopeDiscussionsDueAt";

    private Vars() {}
  }

  private PanelDecisionProcess() {}
}
