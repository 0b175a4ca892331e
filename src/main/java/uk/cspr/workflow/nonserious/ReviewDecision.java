package uk.cspr.workflow.nonserious;

/**
 * The senior leads' recommendation and the partners' decision on a request (North Lincs flowchart
 * 4; Cambs Appendix 3 for single-agency and multi-agency learning reviews).
 */
public enum ReviewDecision {
  LCSPR_NON_STATUTORY,
  SINGLE_AGENCY_REVIEW,
  MULTI_AGENCY_LEARNING_REVIEW,
  NOT_AGREED
}
