package uk.cspr.workflow.learning;

/**
 * Where a review's recommendation stands (NHS England's Safeguarding Case Review Tracker records
 * recommendations and their progress; WT 2023 ch.4 para 43: partners monitor implementation).
 * The labels people read are the forms' option labels.
 */
public enum RecommendationStatus {
  OPEN,
  IN_PROGRESS,
  IMPLEMENTED,
  /** The partners do not accept it; a reason is recorded. */
  NOT_ACCEPTED;

  /** Needs no (further) action: implemented, or not accepted with a reason. */
  boolean settled() {
    return this == IMPLEMENTED || this == NOT_ACCEPTED;
  }
}
