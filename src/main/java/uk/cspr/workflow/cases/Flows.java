package uk.cspr.workflow.cases;

import static uk.cspr.workflow.config.ProcessKeys.LCSPR;
import static uk.cspr.workflow.config.ProcessKeys.NON_SERIOUS_CASE_REQUEST;
import static uk.cspr.workflow.config.ProcessKeys.PARALLEL_REVIEW_INTERFACE;
import static uk.cspr.workflow.config.ProcessKeys.RAPID_REVIEW;
import static uk.cspr.workflow.config.ProcessKeys.SERIOUS_INCIDENT_NOTIFICATION;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The statutory flows of SPEC §3 that make up a case, with the label used until a model of that
 * key is deployed (afterwards the model's own process name is shown). Everything in this package
 * works per process key and per {@code *DueAt} variable, never per flow.
 */
public final class Flows {

  /** Process key → fallback label, in SPEC order. */
  public static final Map<String, String> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put(SERIOUS_INCIDENT_NOTIFICATION, "Serious incident notification");
    LABELS.put(RAPID_REVIEW, "Rapid review");
    LABELS.put(LCSPR, "Local child safeguarding practice review");
    LABELS.put(NON_SERIOUS_CASE_REQUEST, "Request for a review of a non-serious case");
    LABELS.put(PARALLEL_REVIEW_INTERFACE, "Interface with parallel reviews");
  }

  public static final String[] KEYS = LABELS.keySet().toArray(String[]::new);

  public static boolean isFlow(String processKey) {
    return LABELS.containsKey(processKey);
  }

  private Flows() {}
}
