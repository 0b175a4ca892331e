package uk.cspr.workflow.notification;

/** The four outcomes of case consideration (Cambridgeshire & Peterborough list, SPEC §3.1 item 6). */
public enum Outcome {
  /** (a) notify the Panel and start a rapid review. */
  NOTIFY_AND_RAPID_REVIEW,
  /** (b) no notification, no further action. */
  NO_FURTHER_ACTION,
  /** (c) no notification, single agency review. */
  SINGLE_AGENCY_REVIEW,
  /** (d) no notification, multi-agency (non-statutory) learning review. */
  MULTI_AGENCY_REVIEW
}
