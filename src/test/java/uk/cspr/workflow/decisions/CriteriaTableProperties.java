package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;

/**
 * Checks a review-criteria table (local or national) against its specification for every
 * combination of true / false / not recorded: exactly one row (so BPMN can map a single result),
 * {@code criteriaMet} = any statutory criterion, {@code regardCircumstances} = any circumstance,
 * and a rationale that names the first criterion and circumstance met in statutory order.
 */
final class CriteriaTableProperties {

  private static final Boolean[] ANSWERS = {true, false, null};

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
    int columns = criteriaNames.size() + circumstanceNames.size();
    int combinations = (int) Math.pow(ANSWERS.length, columns);
    for (int n = 0; n < combinations; n++) {
      Map<String, Object> inputs = new HashMap<>();
      int rest = n;
      for (int column = 0; column < columns; column++) {
        String name =
            column < criteriaNames.size()
                ? criteriaNames.get(column)
                : circumstanceNames.get(column - criteriaNames.size());
        inputs.put(name, ANSWERS[rest % ANSWERS.length]);
        rest /= ANSWERS.length;
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
      if (firstCriterion != null) {
        assertThat(rationale).as("rationale for %s", inputs).contains(criteria.get(firstCriterion));
      } else {
        assertThat(rationale).as("rationale for %s", inputs).contains("None of the statutory criteria");
      }
      if (firstCircumstance != null) {
        assertThat(rationale).as("rationale for %s", inputs).contains(circumstances.get(firstCircumstance));
      }
    }
  }

  private static String firstTrue(List<String> names, Map<String, Object> inputs) {
    return names.stream().filter(name -> Boolean.TRUE.equals(inputs.get(name))).findFirst().orElse(null);
  }
}
