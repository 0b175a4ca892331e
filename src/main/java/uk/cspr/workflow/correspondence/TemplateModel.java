package uk.cspr.workflow.correspondence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.cspr.workflow.cases.CaseVariables;
import uk.cspr.workflow.config.Partnerships.Partnership;

/**
 * What templates see: every process variable, plus the partnership's display name, the case
 * reference, today's date (en-GB) and the {@link TemplateFormat} helper as {@code fmt}. JSON
 * variables (Spin or JSON text) become plain lists and maps; {@code children} and {@code votes}
 * always have their keys, so templates never fail on missing data.
 */
final class TemplateModel {

  private static final Logger LOG = LoggerFactory.getLogger(TemplateModel.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TemplateFormat FORMAT = new TemplateFormat();

  static final List<String> CHILD_KEYS =
      List.of("age", "sex", "ethnicity", "disability", "lookedAfter", "careLeaver",
          "childProtectionPlan", "educatedOtherwiseThanAtSchool");
  static final List<String> VOTE_KEYS = List.of("laVote", "policeVote", "icbVote");

  private TemplateModel() {}

  static Map<String, Object> of(
      Map<String, Object> variables, String caseReference, Partnership partnership, Date today) {
    Map<String, Object> model = new HashMap<>();
    variables.forEach((name, value) -> model.put(name, plain(value)));
    List<Map<String, Object>> children = children(model.get(Correspondence.CHILDREN));
    model.put(Correspondence.CHILDREN, children);
    model.put(Correspondence.VOTES, votes(model.get(Correspondence.VOTES), model));
    // The referral records death and harm per child; letters also state them for the incident
    model.putIfAbsent(Correspondence.CHILD_DIED, anyChild(children, "died"));
    model.putIfAbsent(Correspondence.CHILD_SERIOUSLY_HARMED, anyChild(children, "seriouslyHarmed"));
    model.put(Correspondence.DUTIES, list(model.get(Correspondence.DUTIES)));
    model.put(CaseVariables.CASE_REFERENCE, caseReference);
    model.put(Correspondence.MODEL_PARTNERSHIP_NAME, partnership.name());
    model.put(Correspondence.MODEL_BUSINESS_UNIT_MAILBOX, partnership.businessUnitMailbox());
    model.put(Correspondence.MODEL_TODAY, FORMAT.date(today));
    model.put(Correspondence.MODEL_FORMAT, FORMAT);
    return model;
  }

  /** Spin JSON to lists and maps; everything else unchanged. */
  private static Object plain(Object value) {
    if (value instanceof SpinJsonNode json) {
      return parse(json.toString());
    }
    return value;
  }

  private static Object parse(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      LOG.warn("A JSON case variable could not be read for a template: {}", e.getOriginalMessage());
      return null;
    }
  }

  private static Object jsonText(Object value) {
    if (value instanceof String text) {
      String trimmed = text.trim();
      if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
        return parse(trimmed);
      }
    }
    return value;
  }

  private static List<Object> list(Object value) {
    Object parsed = jsonText(value);
    if (parsed instanceof List<?> items) {
      return new ArrayList<>(items);
    }
    return parsed == null ? List.of() : List.of(parsed);
  }

  private static List<Map<String, Object>> children(Object value) {
    List<Map<String, Object>> children = new ArrayList<>();
    for (Object child : list(value)) {
      if (child instanceof Map<?, ?> map) {
        children.add(withKeys(map, CHILD_KEYS));
      }
    }
    return children;
  }

  /** The {@code votes} map, or the three separate vote variables the notification flow records. */
  private static Map<String, Object> votes(Object value, Map<String, Object> variables) {
    Object parsed = jsonText(value);
    Map<String, Object> votes = withKeys(parsed instanceof Map<?, ?> map ? map : Map.of(), VOTE_KEYS);
    VOTE_KEYS.forEach(key -> votes.computeIfAbsent(key, variables::get));
    return votes;
  }

  /** True if any child has the flag, false if all have it false, null if none records it. */
  private static Boolean anyChild(List<Map<String, Object>> children, String flag) {
    Boolean result = null;
    for (Map<String, Object> child : children) {
      Object value = child.get(flag);
      if (value != null) {
        boolean set = Boolean.parseBoolean(value.toString());
        result = (result != null && result) || set;
      }
    }
    return result;
  }

  private static Map<String, Object> withKeys(Map<?, ?> source, List<String> keys) {
    Map<String, Object> result = new LinkedHashMap<>();
    keys.forEach(key -> result.put(key, null));
    source.forEach((key, value) -> result.put(String.valueOf(key), value));
    return result;
  }
}
