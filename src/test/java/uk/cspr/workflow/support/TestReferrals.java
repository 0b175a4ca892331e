package uk.cspr.workflow.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid serious incident referral as a REST client sends it to {@code POST /api/referrals}
 * (typed JSON values), dated relative to the real clock: aware two days ago, incident the day
 * before. For tests outside package {@code notification} (which has its own {@code Referrals}).
 */
public final class TestReferrals {

  public static Map<String, Object> referral(String partnership) {
    ZonedDateTime aware = ZonedDateTime.now(ZoneOffset.UTC).minusDays(2).withNano(0);
    LocalDate incident = aware.toLocalDate().minusDays(1);
    Map<String, Object> referral = new LinkedHashMap<>();
    referral.put("partnership", partnership);
    referral.put("referringAgency", "St Mary's Primary School");
    referral.put("referrerName", "J. Smith, designated safeguarding lead");
    referral.put("referrerEmail", "dsl@school.example");
    referral.put("incidentDate", incident.toString());
    referral.put("awareOfIncidentAt", aware.toOffsetDateTime().toString());
    referral.put("abuseOrNeglectKnownOrSuspected", true);
    referral.put("incidentLocation", "IN_AREA");
    referral.put("incidentSummary", "Child admitted to hospital with unexplained injuries.");
    referral.put("children", List.of(child()));
    return referral;
  }

  /** The same referral, aware at a London date-time ("2027-01-11T09:30"), the incident that day. */
  public static Map<String, Object> referral(String partnership, String awareAt) {
    Map<String, Object> referral = referral(partnership);
    referral.put("awareOfIncidentAt", awareAt);
    referral.put("incidentDate", awareAt.substring(0, 10));
    return referral;
  }

  public static Map<String, Object> child() {
    Map<String, Object> child = new LinkedHashMap<>();
    child.put("age", 7);
    child.put("sex", "FEMALE");
    child.put("ethnicity", "White British");
    child.put("seriouslyHarmed", true);
    return child;
  }

  /**
   * A referral as the engine's REST starts it ({@code /start}, {@code /submit-form}): {@code
   * {"variables": {name: {value, type}}}}, the children as a Json variable.
   */
  public static Map<String, Object> engineStart(Map<String, Object> referral) {
    Map<String, Object> variables = new LinkedHashMap<>();
    referral.forEach((name, value) -> variables.put(name,
        value instanceof Boolean ? Map.of("value", value, "type", "Boolean")
            : value instanceof List<?> list ? Map.of("value", json(list), "type", "Json")
            : Map.of("value", String.valueOf(value), "type", "String")));
    return Map.of("variables", variables);
  }

  private static String json(Object value) {
    try {
      return new ObjectMapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private TestReferrals() {}
}
