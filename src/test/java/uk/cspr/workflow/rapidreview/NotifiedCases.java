package uk.cspr.workflow.rapidreview;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.support.EngineClock;

/**
 * The variables the notification flow hands to {@code rapidReview} (its call activity passes all of
 * them): a case whose Panel notification was sent at a given London time.
 */
final class NotifiedCases {

  private static final AtomicInteger NUMBER = new AtomicInteger(100);

  private final Map<String, Object> values = new LinkedHashMap<>();

  static NotifiedCases notifiedAt(String londonDateTime) {
    return new NotifiedCases(londonDateTime);
  }

  private NotifiedCases(String notifiedAt) {
    values.put("partnership", "north-lincolnshire");
    values.put("caseReference", "NL-2027-" + NUMBER.incrementAndGet());
    values.put("awareOfIncidentAt", london(LocalDateTime.parse(notifiedAt).minusDays(2).toString()));
    values.put("referringAgency", "St Mary's Primary School");
    values.put("referrerEmail", "dsl@school.example");
    values.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
    values.put("seriousCase", true);
    values.put("seriousCaseReason", "Child 1: abuse or neglect suspected and the child was seriously harmed");
    values.put("duties", CaseData.json(new ArrayList<>(List.of("NOTIFY_PANEL", "REPORT_TO_SAFEGUARDING_PARTNERS", "RAPID_REVIEW"))));
    values.put("outcome", "NOTIFY_AND_RAPID_REVIEW");
    values.put("outcomeRationale", "Criteria for a serious incident met");
    values.put("panelNotificationSentAt", london(notifiedAt));
    values.put("panelNotificationReference", "CSIN-4711");
    values.put("deadlinesBreached", CaseData.json(new ArrayList<>()));
    child(7, false, false);
  }

  NotifiedCases with(String name, Object value) {
    values.put(name, value);
    return this;
  }

  NotifiedCases without(String name) {
    values.remove(name);
    return this;
  }

  /** Replaces the children by one child with these circumstances. */
  NotifiedCases child(int age, boolean lookedAfter, boolean educatedOtherwise) {
    Map<String, Object> child = new HashMap<>();
    child.put("age", age);
    child.put("sex", "FEMALE");
    child.put("ethnicity", "White British");
    child.put("disability", false);
    child.put("died", false);
    child.put("seriouslyHarmed", true);
    child.put("lookedAfter", lookedAfter);
    child.put("careLeaver", false);
    child.put("childProtectionPlan", false);
    child.put("educatedOtherwiseThanAtSchool", educatedOtherwise);
    values.put("children", CaseData.json(new ArrayList<>(List.of(child))));
    return this;
  }

  String caseReference() {
    return (String) values.get("caseReference");
  }

  Map<String, Object> values() {
    return new HashMap<>(values);
  }

  private static Date london(String dateTime) {
    return Date.from(LocalDateTime.parse(dateTime).atZone(EngineClock.LONDON).toInstant());
  }
}
