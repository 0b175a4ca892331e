package uk.cspr.workflow.lcspr;

/** WT 2023 ch.4 para 38: publish the report, or (if inappropriate) information about the improvements. */
public enum PublicationDecision {
  FULL_REPORT,
  IMPROVEMENTS_ONLY
}
