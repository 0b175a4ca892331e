package uk.cspr.workflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a walk answers in a Camunda Form (form-js JSON): the answers it is given, and for every
 * other required field a valid default — text for text, the first option of a choice, a ticked box,
 * the given "now" for dates; optional fields stay empty and optional boxes unticked. The same answers are typed in
 * Tasklist ({@link TasklistForm}) and, for steps already shown in the browser, submitted through
 * the engine, so both paths take one set of values.
 */
public final class FormAnswers {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private FormAnswers() {}

  /** Every field's answer: {@code given} where it names the field, else a default (lists: one row). */
  public static Map<String, Object> of(JsonNode form, Map<String, ?> given, LocalDateTime now) {
    Map<String, Object> answers = new LinkedHashMap<>();
    collect(form.path("components"), given, now, answers);
    return answers;
  }

  private static void collect(JsonNode components, Map<String, ?> given, LocalDateTime now, Map<String, Object> answers) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      if ("group".equals(type)) {
        collect(component.path("components"), given, now, answers);
      } else if ("dynamiclist".equals(type)) {
        String path = component.path("path").asText();
        answers.put(path, given.containsKey(path) ? given.get(path) : List.of(of(component, Map.of(), now)));
      } else if (isInput(component)) {
        String key = component.path("key").asText();
        if (given.containsKey(key)) {
          answers.put(key, given.get(key));
        } else if (component.path("validate").path("required").asBoolean() && !component.has("conditional")) {
          answers.put(key, defaultAnswer(component, now));
        } else if ("checkbox".equals(component.path("type").asText())) {
          answers.put(key, false); // as Tasklist submits a box left unticked
        }
      }
    }
  }

  /** A field a person fills in (not a text, not a disabled or read-only value of the case). */
  public static boolean isInput(JsonNode component) {
    return component.has("key") && !component.path("disabled").asBoolean() && !component.path("readonly").asBoolean()
        && List.of("textfield", "textarea", "number", "checkbox", "radio", "select", "datetime", "checklist")
            .contains(component.path("type").asText());
  }

  static Object defaultAnswer(JsonNode component, LocalDateTime now) {
    JsonNode validate = component.path("validate");
    return switch (component.path("type").asText()) {
      case "textfield" -> "email".equals(validate.path("validationType").asText()) ? "walk@school.example" : "Recorded in Tasklist";
      case "textarea" -> "Recorded in Tasklist by the walk.";
      case "number" -> validate.has("min") ? validate.path("min").asLong() : 1L;
      case "checkbox" -> true;
      case "radio", "select" -> component.path("values").path(0).path("value").asText();
      case "checklist" -> new ArrayList<>(List.of(component.path("values").path(0).path("value").asText()));
      case "datetime" -> switch (component.path("subtype").asText()) {
        case "date" -> now.toLocalDate().toString();
        case "time" -> now.format(TIME);
        default -> now.format(DATE_TIME);
      };
      default -> throw new IllegalArgumentException("no default for a " + component.path("type").asText());
    };
  }
}
