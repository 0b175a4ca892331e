package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/**
 * Checks a review-criteria table (local or national) against its specification for every
 * combination of answers: exactly one row (so BPMN can map a single result), {@code criteriaMet} =
 * any statutory criterion, {@code regardCircumstances} = any circumstance, and a rationale naming
 * every criterion and circumstance met and no other. Two sweeps: every true/false combination, and
 * every true/null combination (a table treating null differently from false fails the second).
 */
final class CriteriaTableProperties {

  private static final Boolean[][] SWEEPS = {{true, false}, {true, null}};

  private CriteriaTableProperties() {}

  /**
   * @param criteria input names of the statutory criteria, in statutory order, with a phrase the
   *     rationale uses for each
   * @param circumstances the same for the circumstances to have regard to
   */
  static void checkEveryCombination(
      String decisionKey, Map<String, String> criteria, Map<String, String> circumstances) {
    List<String> criteriaNames = List.copyOf(criteria.keySet());
    List<String> circumstanceNames = List.copyOf(circumstances.keySet());
    for (Boolean[] answers : SWEEPS) {
      sweep(decisionKey, criteria, circumstances, criteriaNames, circumstanceNames, answers);
    }
  }

  private static void sweep(
      String decisionKey,
      Map<String, String> criteria,
      Map<String, String> circumstances,
      List<String> criteriaNames,
      List<String> circumstanceNames,
      Boolean[] answers) {
    int columns = criteriaNames.size() + circumstanceNames.size();
    int combinations = 1 << columns;
    for (int n = 0; n < combinations; n++) {
      Map<String, Object> inputs = new HashMap<>();
      int rest = n;
      for (int column = 0; column < columns; column++) {
        String name =
            column < criteriaNames.size()
                ? criteriaNames.get(column)
                : circumstanceNames.get(column - criteriaNames.size());
        inputs.put(name, answers[rest % 2]);
        rest /= 2;
      }
      DmnDecisionTableResult result = DecisionTables.evaluate(decisionKey, inputs);
      assertThat(result.size()).as("rows for %s", inputs).isEqualTo(1);
      DmnDecisionRuleResult row = result.getSingleResult();
      String firstCriterion = firstTrue(criteriaNames, inputs);
      String firstCircumstance = firstTrue(circumstanceNames, inputs);
      assertThat((Boolean) row.getEntry("criteriaMet")).as("criteriaMet for %s", inputs).isEqualTo(firstCriterion != null);
      assertThat((Boolean) row.getEntry("regardCircumstances"))
          .as("regardCircumstances for %s", inputs)
          .isEqualTo(firstCircumstance != null);
      String rationale = row.getEntry("rationale");
      if (firstCriterion == null) {
        assertThat(rationale).as("rationale for %s", inputs).contains("None of the statutory criteria");
      }
      assertNamesExactlyTheTrueOnes(rationale, criteria, inputs);
      assertNamesExactlyTheTrueOnes(rationale, circumstances, inputs);
    }
  }

  private static void assertNamesExactlyTheTrueOnes(
      String rationale, Map<String, String> phrases, Map<String, Object> inputs) {
    phrases.forEach(
        (name, phrase) -> {
          if (Boolean.TRUE.equals(inputs.get(name))) {
            assertThat(rationale).as("rationale for %s", inputs).contains(phrase);
          } else {
            assertThat(rationale).as("rationale for %s", inputs).doesNotContain(phrase);
          }
        });
  }

  private static String firstTrue(List<String> names, Map<String, Object> inputs) {
    return names.stream().filter(name -> Boolean.TRUE.equals(inputs.get(name))).findFirst().orElse(null);
  }
}
