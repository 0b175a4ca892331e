package uk.cspr.workflow.learning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import uk.cspr.workflow.cases.CaseData;
import uk.cspr.workflow.cases.InvalidCaseDataException;

/**
 * Theme codes as submitted: Tasklist (form-js 1.8) sends a checklist's ticked values as a JSON
 * list, a REST client a list; every code must be one of the configured themes.
 */
final class ThemeValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ThemeValues() {}

  /** Codes as a case variable: a JSON list of a type any reader can build (never an immutable list's). */
  static ObjectValue json(List<String> codes) {
    return CaseData.json(new ArrayList<>(codes));
  }

  /** The submitted codes, in the configured order, each once. */
  static List<String> codes(Object value, ThemeTypology typology) {
    List<?> list;
    if (value == null) {
      list = List.of();
    } else if (value instanceof Collection<?> collection) {
      list = List.copyOf(collection);
    } else {
      try {
        list = JSON.readValue(value.toString(), new TypeReference<List<Object>>() {});
      } catch (JsonProcessingException e) {
        throw new InvalidCaseDataException(LearningVariables.CASE_THEMES, "must be chosen from the list offered");
      }
    }
    for (Object code : list) {
      if (!(code instanceof String text) || !typology.known(text)) {
        throw new InvalidCaseDataException(LearningVariables.CASE_THEMES, "must be chosen from the list offered");
      }
    }
    return typology.themes().stream().map(ThemeTypology.Theme::code).filter(list::contains).toList();
  }
}
