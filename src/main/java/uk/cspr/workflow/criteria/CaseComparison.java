package uk.cspr.workflow.criteria;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * Runs a regression case ({@link DecisionCase}) against a decision on a standalone DMN engine and
 * compares the result with the expectation: the one implementation behind the unit tests of
 * {@code dmn/}, the criteria workbench and the deployment guard.
 */
public final class CaseComparison {

  private CaseComparison() {}

  /** Evaluates a parsed decision; inputs the table reads but the map lacks are passed as null. */
  public static DmnDecisionTableResult evaluate(
      DmnEngine engine, DmnDecision decision, List<String> inputNames, Map<String, Object> inputs) {
    Map<String, Object> variables = new HashMap<>();
    inputNames.forEach(name -> variables.put(name, null));
    variables.putAll(inputs);
    return engine.evaluateDecisionTable(decision, variables);
  }

  /**
   * Why the result rows do not satisfy the case; empty when they do. Only the outputs the case
   * names are compared: a list expectation as a set of the values of every row (COLLECT), a single
   * value against the one row; {@code expected: null} means no rule may match.
   */
  public static List<String> mismatches(
      DecisionCase c, List<Map<String, Object>> rows, Collection<String> inputNames, Collection<String> outputNames) {
    List<String> problems = new ArrayList<>();
    c.inputs().keySet().stream()
        .filter(input -> !inputNames.contains(input))
        .forEach(input -> problems.add("'" + input + "' is not an input of the table"));
    if (c.expected() == null) {
      if (!rows.isEmpty()) {
        problems.add("no rule may match, but got " + rows);
      }
      return problems;
    }
    for (Map.Entry<String, Object> expected : c.expected().entrySet()) {
      String output = expected.getKey();
      if (!outputNames.contains(output)) {
        problems.add("'" + output + "' is not an output of the table");
      } else if (expected.getValue() instanceof Collection<?> values) {
        List<Object> actual = rows.stream().map(row -> row.get(output)).toList();
        if (new HashSet<>(actual).size() != actual.size()) {
          problems.add(output + ": a value is returned more than once in " + actual);
        } else if (!normalise(actual).equals(normalise(values))) {
          problems.add(output + ": expected " + values + ", got " + actual);
        }
      } else if (rows.size() != 1) {
        problems.add("expected exactly one result row, got " + rows.size() + (rows.isEmpty() ? "" : ": " + rows));
      } else {
        Object actual = rows.get(0).get(output);
        if (!Objects.equals(normalise(actual), normalise(expected.getValue()))) {
          problems.add(output + ": expected " + expected.getValue() + ", got " + actual);
        }
      }
    }
    return problems;
  }

  /** JSON numbers and DMN integers compare by value; collections compare as sets. */
  public static Object normalise(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof Collection<?> values) {
      Set<Object> set = new LinkedHashSet<>();
      values.forEach(v -> set.add(normalise(v)));
      return set;
    }
    return value;
  }
}
