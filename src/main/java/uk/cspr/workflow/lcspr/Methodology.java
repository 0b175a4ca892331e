package uk.cspr.workflow.lcspr;

/**
 * How the review is conducted (WT 2023 ch.4 para 32: the principles of the systems methodology;
 * Cambridgeshire & Peterborough Appendix 3 "Methodology Options"; North Lincs Appendix 5).
 */
public enum Methodology {
  SYSTEMS_APPROACH,
  APPRECIATIVE_INQUIRY,
  REFLECTIVE_LEARNING,
  SINGLE_AGENCY,
  AUDIT,
  PEER_REVIEW,
  ROOT_CAUSE_ANALYSIS
}
