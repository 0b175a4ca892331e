package uk.cspr.workflow.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The one source of what a coded answer is called (issue 14.4): the label its form gives the
 * option, e.g. SYSTEMS_APPROACH → "Systems approach (Munro)". Forms show it as the option, the
 * task forms as {@code {{shown.x}}} (tasks.ShownValues, from the task's deployed forms) and letters
 * and e-mails through {@code fmt.label} (correspondence.TemplateFormat, from the packaged forms).
 */
public final class CodeLabels {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static volatile Map<String, String> packaged;

  private CodeLabels() {}

  /** Adds the label of every coded option (an upper-case code) of these form components; the first label of a code wins. */
  public static void collect(JsonNode components, Map<String, String> labels) {
    for (JsonNode component : components) {
      for (JsonNode option : component.path("values")) {
        String code = option.path("value").asText();
        if (code.matches("[A-Z][A-Z0-9_]+")) {
          labels.putIfAbsent(code, option.path("label").asText(code));
        }
      }
      collect(component.path("components"), labels);
    }
  }

  /** The labels of the forms packaged with the application (classpath forms/*.form), read once. */
  public static Map<String, String> packaged() {
    Map<String, String> labels = packaged;
    if (labels == null) {
      labels = new HashMap<>();
      try {
        Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
        Arrays.sort(forms, Comparator.comparing(Resource::getFilename)); // the same first label every time
        for (Resource form : forms) {
          try (InputStream in = form.getInputStream()) {
            collect(JSON.readTree(in).path("components"), labels);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the packaged forms", e);
      }
      labels = Map.copyOf(labels);
      packaged = labels;
    }
    return labels;
  }
}
