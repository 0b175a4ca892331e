package uk.cspr.workflow.nonserious;

/** Why a case not meeting the serious-case definition matters locally (WT 2023 ch.4 para 19). */
public enum RequestCategory {
  GOOD_PRACTICE,
  POOR_PRACTICE,
  NEAR_MISS,
  OTHER_LOCAL_IMPORTANCE
}
