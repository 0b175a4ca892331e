package uk.cspr.workflow.daily;

/** State of one statutory deadline of a case (issue "Tasklist and Cockpit as the daily tools"). */
enum DeadlineStatus {
  /** Open and past its due time. */
  OVERDUE,
  /** Open, due today or within the next 2 working days. */
  DUE_SOON,
  /** Open, more than 2 working days left. */
  ON_TRACK,
  /** The task discharging it was completed at or before the deadline. */
  MET,
  /** The task discharging it was completed after the deadline. */
  LATE;

  boolean open() {
    return this == OVERDUE || this == DUE_SOON || this == ON_TRACK;
  }
}
