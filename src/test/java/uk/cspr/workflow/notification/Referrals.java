package uk.cspr.workflow.notification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Referral form values as Tasklist or a REST client submits them (dates as strings). */
final class Referrals {

  private final Map<String, Object> values = new LinkedHashMap<>();
  private final List<Map<String, Object>> children = new ArrayList<>();

  static Referrals referral() {
    return new Referrals();
  }

  private Referrals() {
    values.put("partnership", "north-lincolnshire");
    values.put("referringAgency", "St Mary's Primary School");
    values.put("referrerName", "J. Smith, designated safeguarding lead");
    values.put("referrerEmail", "dsl@school.example");
    values.put("incidentDate", "2026-12-20");
    values.put("awareOfIncidentAt", "2026-12-22T09:30");
    values.put("abuseOrNeglectKnownOrSuspected", "true");
    values.put("incidentLocation", "IN_AREA");
    values.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
  }

  Referrals with(String field, Object value) {
    values.put(field, value);
    return this;
  }

  Referrals without(String field) {
    values.remove(field);
    return this;
  }

  /** A child seriously harmed (default) aged 7; override fields with key/value pairs. */
  Referrals child(Object... fields) {
    Map<String, Object> child = new HashMap<>();
    child.put("age", 7);
    child.put("sex", "FEMALE");
    child.put("ethnicity", "White British");
    child.put("seriouslyHarmed", true);
    for (int i = 0; i < fields.length; i += 2) {
      child.put((String) fields[i], fields[i + 1]);
    }
    children.add(child);
    return this;
  }

  Map<String, Object> values() {
    Map<String, Object> all = new LinkedHashMap<>(values);
    if (!children.isEmpty()) {
      all.put("children", children);
    } else if (!all.containsKey("children")) {
      all.put("children", List.of(Map.of("age", 7, "sex", "FEMALE", "ethnicity", "White British", "seriouslyHarmed", true)));
    }
    return all;
  }
}
