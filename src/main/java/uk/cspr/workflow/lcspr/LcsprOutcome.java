package uk.cspr.workflow.lcspr;

/** How a local review ended (variable {@code lcsprOutcome}, mapped out to the caller). */
public enum LcsprOutcome {
  /** Published, action plan signed off, report available for at least a year. */
  REVIEW_CLOSED,
  /** Non-statutory variant: the family did not consent, so no review. */
  NO_FAMILY_CONSENT,
  /** The Panel decided on a national review (WT 2023 ch.4 paras 21, 27). */
  SUPERSEDED_BY_NATIONAL_REVIEW
}
