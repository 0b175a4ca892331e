package uk.cspr.workflow.cases;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.cspr.workflow.cases.CaseVariables;

/** Column labels for variables: "sslRecommendationDueAt" → "SSL recommendation due". */
public final class VariableLabels {

  private static final Map<String, String> FIXED =
      Map.of(CaseVariables.CASE_REFERENCE, "Case", CaseVariables.PARTNERSHIP, "Partnership",
          CaseVariables.PARTNERSHIP_NAME, "Partnership");
  /** Abbreviations of SPEC §1 and §5 as they are written. */
  private static final Map<String, String> WORDS = Map.of("ssl", "SSL", "dsp", "DSP", "lcspr", "LCSPR",
      "icb", "ICB", "dfe", "DfE", "nspcc", "NSPCC", "yjb", "YJB", "sos", "SoS", "la", "LA");

  public static String label(String variable) {
    String fixed = FIXED.get(variable);
    if (fixed != null) {
      return fixed;
    }
    boolean due = variable.endsWith("DueAt");
    String stem = due ? variable.substring(0, variable.length() - "DueAt".length()) : variable;
    String words = Arrays.stream(stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).split(" "))
        .map(word -> WORDS.getOrDefault(word, word))
        .collect(Collectors.joining(" "));
    String label = words.isEmpty() ? variable : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return due ? label + " due" : label;
  }

  private VariableLabels() {}
}
