package uk.cspr.workflow.lcspr;

/** What criminal proceedings may pause (contract {@code cspr.criminalProceedingsPaused}, variable {@code pausedAreas}). */
public enum PausedArea {
  FAMILY_ENGAGEMENT,
  PUBLICATION
}
