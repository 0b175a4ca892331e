package uk.cspr.workflow.lcspr;

/** Progress of one action of the action plan (WT 2023 ch.4 para 43: regular monitoring and follow-up). */
public enum ActionStatus {
  NOT_STARTED,
  IN_PROGRESS,
  COMPLETE
}
