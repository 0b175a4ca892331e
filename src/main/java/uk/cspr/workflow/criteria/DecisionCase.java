package uk.cspr.workflow.criteria;

import java.util.Map;

/**
 * One regression case of a decision, as written in {@code dmn/<decisionKey>.cases.json}.
 *
 * @param name short unique title (shown as the test name)
 * @param note the guidance paragraph the case rests on, or the interpretation it pins down
 * @param statutory true when the expectation follows from statute or statutory guidance; false
 *     for a local choice or an interpretation an analyst may revisit
 * @param inputs input values by input expression name; a missing input is null (a process
 *     variable that is not set)
 * @param expected outputs by output name: a value for single-result tables (only the outputs
 *     listed are compared), a list for COLLECT tables (compared as a set); {@code null} means no
 *     rule may match
 */
public record DecisionCase(
    String name,
    String note,
    Boolean statutory,
    Map<String, Object> inputs,
    Map<String, Object> expected) {

  @Override
  public String toString() {
    return name;
  }
}
