package uk.cspr.workflow.notification;

/** Where the incident happened (SPEC §4, input of {@code notificationDuties}). */
public enum IncidentLocation {
  IN_AREA,
  OUTSIDE_ENGLAND_NORMALLY_RESIDENT,
  ELSEWHERE_IN_ENGLAND
}
