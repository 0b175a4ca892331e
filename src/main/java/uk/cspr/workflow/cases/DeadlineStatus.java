package uk.cspr.workflow.cases;

/** State of one statutory deadline of a case (issue "Tasklist and Cockpit as the daily tools"). */
public enum DeadlineStatus {
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

  /** SPEC §2: "due soon" means due today or within the next 2 working days (the board and Tasklist's Due soon filter). */
  public static final int DUE_SOON_WORKING_DAYS = 2;

  boolean open() {
    return this == OVERDUE || this == DUE_SOON || this == ON_TRACK;
  }
}
