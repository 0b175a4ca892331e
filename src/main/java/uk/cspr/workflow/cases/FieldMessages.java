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

  private static final class Forms {
    static final Map<String, Field> FIELDS = index("classpath*:forms/*.form");
  }

  private FieldMessages() {}

  /** One plain-English sentence for the refusal. */
  public static String sentence(InvalidCaseDataException refusal) {
    String problem = refusal.problem().strip();
    if (problem.endsWith(".")) {
      problem = problem.substring(0, problem.length() - 1);
    }
    String firstWord = problem.split("[ :]", 2)[0];
    String label = label(refusal.field());
    String sentence = VERBS.contains(firstWord) ? label + " " + problem : label + ": " + problem;
    String remedy = remedy(problem, type(refusal.field()));
    if (remedy != null) {
      sentence += ": " + remedy;
    }
    return Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1) + ".";
  }

  /** "awareOfIncidentAt" → its form label; "children[2].ethnicity" → "Ethnicity (entry 2 of Children involved)". */
  static String label(String field) {
    Matcher entry = LIST_ENTRY.matcher(field);
    if (entry.matches()) {
      return label(entry.group(3)) + " (entry " + entry.group(2) + " of " + label(entry.group(1)) + ")";
    }
    Field known = Forms.FIELDS.get(field);
    return known != null ? known.label() : VariableLabels.label(field);
  }

  private static String type(String field) {
    Matcher entry = LIST_ENTRY.matcher(field);
    Field known = Forms.FIELDS.get(entry.matches() ? entry.group(3) : field);
    return known == null ? "" : known.type();
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
   * Every field key and dynamic list path of the forms, with its shortest label (a key can appear
   * on several forms), less any explanation in brackets: "Key lines of enquiry (required when …)"
   * → "Key lines of enquiry".
   */
  private static Map<String, Field> index(String formsPattern) {
    Map<String, Field> fields = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    try {
      for (Resource form : new PathMatchingResourcePatternResolver().getResources(formsPattern)) {
        try (InputStream in = form.getInputStream()) {
          collect(json.readTree(in).path("components"), fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the forms' labels", e);
    }
    return Map.copyOf(fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      String name = component.path(type.equals("dynamiclist") ? "path" : "key").asText("");
      String label = plain(component.path(type.equals("datetime") ? "dateLabel" : "label").asText(""));
      if (!name.isEmpty() && !label.isEmpty()) {
        String kind = type.equals("datetime") ? component.path("subtype").asText("datetime") : type;
        fields.merge(name, new Field(label, kind),
            (a, b) -> Comparator.comparingInt((Field f) -> f.label().length()).thenComparing(Field::label).compare(a, b) <= 0 ? a : b);
      }
      collect(component.path("components"), fields);
    }
  }

  private static String plain(String label) {
    String plain = label.replaceAll("\\s*\\([^()]*\\)\\s*$", "").strip();
    return plain.isEmpty() ? label.strip() : plain;
  }
}
