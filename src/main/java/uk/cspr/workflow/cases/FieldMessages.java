package uk.cspr.workflow.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The sentence a person reads when a start or a step is refused: the field by its form label, the
 * problem, and what to change, e.g. "When the local authority became aware cannot be in the future:
 * enter the date and time it happened." No field keys, ids or engine wording; the key travels
 * beside the sentence so a client can place it next to the field. The labels are read once from
 * the forms on the classpath (the ones the engine deploys).
 */
public final class FieldMessages {

  private static final Pattern LIST_ENTRY = Pattern.compile("(\\w+)\\[(\\d+)]\\.(\\w+)");
  /** Problems that already read on from the label ("… is required"); others follow a colon. */
  private static final Set<String> VERBS = Set.of("is", "are", "must", "cannot", "can", "has", "have", "was",
      "were", "applies", "does", "should", "may", "contains", "needs");

  private record Field(String label, String type) {}

  private static final Comparator<Field> SPECIFIC =
      Comparator.comparingInt((Field f) -> f.label().length()).thenComparing(Field::label);

  /** Labels by form id, and the most specific label of each key over all forms. */
  private static final class Forms {
    static final Map<String, Map<String, Field>> BY_FORM = index("classpath*:forms/*.form");
    static final Map<String, Field> ANY = merged(BY_FORM);
  }

  private FieldMessages() {}

  /** One plain-English sentence for the refusal, in the words of the form it was refused on. */
  public static String sentence(InvalidCaseDataException refusal) {
    return sentence(refusal, refusal.form());
  }

  /**
   * The form whose submission the engine is handling: the user task's or start event's form of the
   * execution a listener runs for, else null (e.g. outside the engine).
   */
  static String formInContext() {
    try {
      BpmnExecutionContext context = Context.getBpmnExecutionContext();
      FlowElement element = context == null ? null : context.getExecution().getBpmnModelElementInstance();
      return element instanceof UserTask task ? task.getCamundaFormRef()
          : element instanceof StartEvent start ? start.getCamundaFormRef()
          : null;
    } catch (RuntimeException e) {
      return null; // no model at hand: the labels of all forms serve
    }
  }

  static String sentence(InvalidCaseDataException refusal, String form) {
    Map<String, Field> fields = fields(form);
    String problem = refusal.problem().strip();
    if (problem.endsWith(".")) {
      problem = problem.substring(0, problem.length() - 1);
    }
    String firstWord = problem.split("[ :]", 2)[0];
    String label = label(refusal.field(), fields);
    String sentence = VERBS.contains(firstWord) ? label + " " + problem : label + ": " + problem;
    String remedy = remedy(problem, type(refusal.field(), fields));
    if (remedy != null) {
      sentence += ": " + remedy;
    }
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
  }

  /** "awareOfIncidentAt" → its form label; "children[2].ethnicity" → "Ethnicity (entry 2 of Children involved)". */
  private static String label(String field, Map<String, Field> fields) {
    Matcher entry = LIST_ENTRY.matcher(field);
    if (entry.matches()) {
      return label(entry.group(3), fields) + " (entry " + entry.group(2) + " of " + label(entry.group(1), fields) + ")";
    }
    Field known = fields.get(field);
    return known != null ? known.label() : VariableLabels.label(field);
  }

  private static String type(String field, Map<String, Field> fields) {
    Matcher entry = LIST_ENTRY.matcher(field);
    Field known = fields.get(entry.matches() ? entry.group(3) : field);
    return known == null ? "" : known.type();
  }

  /** The form's own labels, then those of all forms for a key it does not have. */
  private static Map<String, Field> fields(String form) {
    Map<String, Field> own = form == null ? null : Forms.BY_FORM.get(form);
    if (own == null) {
      return Forms.ANY;
    }
    Map<String, Field> fields = new HashMap<>(Forms.ANY);
    fields.putAll(own);
    return fields;
  }

  /** What to change, for the problems whose remedy is the same wherever they occur. */
  private static String remedy(String problem, String type) {
    return switch (problem) {
      case "cannot be in the future" -> switch (type) {
        case "date" -> "enter the date it happened";
        case "datetime" -> "enter the date and time it happened";
        default -> "enter when it happened";
      };
      case "cannot be in the past" -> "enter today's date or a later one";
      case "is required" -> "checkbox".equals(type) ? "tick it" : "fill it in";
      default -> null;
    };
  }

  /**
   * Per form: every field key and dynamic list path people fill in (a read-only field is never
   * refused), with its label less any explanation in brackets: "Key lines of enquiry (required
   * when …)" → "Key lines of enquiry". Across forms a key takes its longest, most specific label.
   */
  private static Map<String, Map<String, Field>> index(String formsPattern) {
    Map<String, Map<String, Field>> forms = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources(formsPattern)) {
        try (InputStream in = form.getInputStream()) {
          Map<String, Field> fields = new HashMap<>();
          collect(json.readTree(in).path("components"), fields);
          forms.put(String.valueOf(form.getFilename()).replaceFirst("\\.form$", ""), Map.copyOf(fields));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' labels", e);
    }
    return Map.copyOf(forms);
  }

  private static Map<String, Field> merged(Map<String, Map<String, Field>> forms) {
    Map<String, Field> any = new HashMap<>();
    forms.values().forEach(fields -> fields.forEach((key, field) -> any.merge(key, field, FieldMessages::moreSpecific)));
    return Map.copyOf(any);
  }

  private static Field moreSpecific(Field a, Field b) {
    return SPECIFIC.compare(a, b) >= 0 ? a : b;
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String name = component.path(type.equals("dynamiclist") ? "path" : "key").asText("");
      String label = plain(component.path(type.equals("datetime") ? "dateLabel" : "label").asText(""));
      boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      if (!name.isEmpty() && !label.isEmpty() && !readOnly) {
        String kind = type.equals("datetime") ? component.path("subtype").asText("datetime") : type;
        fields.merge(name, new Field(label, kind), FieldMessages::moreSpecific);
      }
      collect(component.path("components"), fields);
    }
  }

  private static String plain(String label) {
    String plain = label.replaceAll("\\s*\\([^()]*\\)\\s*$", "").strip();
    return plain.isEmpty() ? label.strip() : plain;
  }
}
