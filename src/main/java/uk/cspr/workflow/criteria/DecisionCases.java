package uk.cspr.workflow.criteria;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the regression cases of a decision from the classpath ({@code dmn/<decisionKey>.cases.json};
 * the build copies the top-level {@code dmn/} folder there). The file is a JSON array of {@link
 * DecisionCase} objects; unknown fields, blank names or notes and duplicate names are rejected so
 * that a typo in an analyst's edit fails loudly instead of testing nothing.
 */
public final class DecisionCases {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private DecisionCases() {}

  /** Resource path of the cases of a decision. */
  public static String resource(String decisionKey) {
    return "dmn/" + decisionKey + ".cases.json";
  }

  /** The cases of a decision, in file order. */
  public static List<DecisionCase> load(String decisionKey) {
    String resource = resource(decisionKey);
    try (InputStream in = DecisionCases.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No regression cases on the classpath: " + resource);
      }
      return validate(resource, JSON.readValue(in, new TypeReference<List<DecisionCase>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }

  private static List<DecisionCase> validate(String resource, List<DecisionCase> cases) {
    if (cases == null || cases.isEmpty()) {
      throw new IllegalStateException(resource + " holds no cases");
    }
    Set<String> names = new HashSet<>();
    for (DecisionCase c : cases) {
      String where = resource + " case '" + c.name() + "'";
      if (c.name() == null || c.name().isBlank()) {
        throw new IllegalStateException(resource + ": a case has no name");
      }
      if (!names.add(c.name())) {
        throw new IllegalStateException(where + ": duplicate name");
      }
      if (c.note() == null || c.note().isBlank()) {
        throw new IllegalStateException(where + ": no note citing the guidance");
      }
      if (c.statutory() == null) {
        throw new IllegalStateException(where + ": 'statutory' must be true or false");
      }
      if (c.inputs() == null) {
        throw new IllegalStateException(where + ": no inputs");
      }
    }
    return List.copyOf(cases);
  }
}
