package uk.cspr.workflow.config;

/** Process keys of SPEC §3: a public contract (REST clients, Tasklist filters). */
public final class ProcessKeys {

  public static final String SERIOUS_INCIDENT_NOTIFICATION = "seriousIncidentNotification";
  public static final String RAPID_REVIEW = "rapidReview";
  public static final String LCSPR = "lcspr";
  public static final String NON_SERIOUS_CASE_REQUEST = "nonSeriousCaseRequest";
  public static final String PARALLEL_REVIEW_INTERFACE = "parallelReviewInterface";

  private ProcessKeys() {}
}
