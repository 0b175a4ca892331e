package uk.cspr.workflow.lcspr;

/**
 * Where the reviewer comes from: the Panel's pool (WT 2023 ch.4 footnote 87), an independent
 * reviewer, or a reviewer internal to the partnership with independent contributions from across
 * the local network (North Lincs flowchart 3; Cambs "Appointing the Reviewer").
 */
public enum ReviewerSource {
  PANEL_POOL,
  INDEPENDENT,
  INTERNAL
}
