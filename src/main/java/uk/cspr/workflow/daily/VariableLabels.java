package uk.cspr.workflow.daily;

import java.util.Map;
import uk.cspr.workflow.cases.CaseVariables;

/** Column labels for variables: "panelNotificationDueAt" → "Panel notification due". */
final class VariableLabels {

  private static final Map<String, String> FIXED =
      Map.of(CaseVariables.CASE_REFERENCE, "Case", CaseVariables.PARTNERSHIP, "Partnership");

  static String label(String variable) {
    String fixed = FIXED.get(variable);
    if (fixed != null) {
      return fixed;
    }
    boolean due = variable.endsWith("DueAt");
    String stem = due ? variable.substring(0, variable.length() - "DueAt".length()) : variable;
    String words = stem.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    String label = words.isEmpty() ? variable : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    return due ? label + " due" : label;
  }

  private VariableLabels() {}
}
