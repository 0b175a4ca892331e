package uk.cspr.workflow.criteria;

import java.util.List;

/** An edited table the guard rails refuse: 422 listing every problem; the active version stays. */
class CriteriaRefusedException extends RuntimeException {

  private final String decisionKey;
  private final List<String> problems;

  CriteriaRefusedException(String decisionKey, List<String> problems) {
    super("Decision '" + decisionKey + "' refused: " + String.join("; ", problems));
    this.decisionKey = decisionKey;
    this.problems = List.copyOf(problems);
  }

  String decisionKey() {
    return decisionKey;
  }

  List<String> problems() {
    return problems;
  }
}
