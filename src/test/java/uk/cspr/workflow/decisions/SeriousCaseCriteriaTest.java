package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionCases;

/** Decision {@code seriousCaseCriteria}: Working Together ch.4 paras 10-11. */
class SeriousCaseCriteriaTest {

  private static final String KEY = "seriousCaseCriteria";

  static Stream<DecisionCase> cases() {
    return DecisionCases.load(KEY).stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void regressionCase(DecisionCase c) {
    DecisionTables.assertCase(KEY, c);
  }

  /** singleResult in BPMN needs exactly one row for every answer, including unrecorded ones. */
  @Test
  void everyCombinationGivesExactlyOneRowAndSeriousOnlyWhenBothLimbsAreMet() {
    List<Boolean> answers = Arrays.asList(true, false, null);
    List<Integer> ages = Arrays.asList(null, 0, 17, 18, 40);
    for (Boolean abuse : answers) {
      for (Boolean died : answers) {
        for (Boolean harmed : answers) {
          for (Integer age : ages) {
            DmnDecisionTableResult result = evaluate(abuse, died, harmed, age);
            assertThat(result.size()).as("rows for %s %s %s %s", abuse, died, harmed, age).isEqualTo(1);
            boolean expected =
                Boolean.TRUE.equals(abuse)
                    && (Boolean.TRUE.equals(died) || Boolean.TRUE.equals(harmed))
                    && age != null
                    && age < 18;
            DmnDecisionRuleResult row = result.getSingleResult();
            assertThat((Boolean) row.getEntry("seriousCase")).isEqualTo(expected);
            assertThat((String) row.getEntry("reason")).isNotBlank();
          }
        }
      }
    }
  }

  @Test
  void reasonNamesTheLimbThatDecided() {
    assertThat(reason(true, true, false, 3)).contains("has died");
    assertThat(reason(true, false, true, 3)).contains("seriously harmed");
    assertThat(reason(false, true, true, 3)).contains("neither known nor suspected");
    assertThat(reason(true, true, true, 18)).contains("Not a child");
    assertThat(reason(true, false, false, 3)).contains("neither died nor been seriously harmed");
  }

  @Test
  void variablesThatAreNotSetAtAllDoNotCrash() {
    Map<String, Object> onlyAge = new HashMap<>();
    onlyAge.put("childAgeAtIncident", 4);
    DmnDecisionTableResult result = DecisionTables.evaluate(KEY, onlyAge);
    assertThat((Boolean) result.getSingleResult().getEntry("seriousCase")).isFalse();
  }

  @Test
  void firstMatchingRowDecides() {
    // An adult's case stays 'not a child' however the other answers read (row order, hit policy FIRST).
    List<String> ruleOrder = new ArrayList<>(DecisionTables.ruleIds(KEY));
    assertThat(ruleOrder.get(0)).isEqualTo("Rule_notAChild");
    assertThat(ruleOrder.get(ruleOrder.size() - 1)).isEqualTo("Rule_neitherDiedNorSeriouslyHarmed");
  }

  private static String reason(Boolean abuse, Boolean died, Boolean harmed, Integer age) {
    return evaluate(abuse, died, harmed, age).getSingleResult().getEntry("reason");
  }

  private static DmnDecisionTableResult evaluate(Boolean abuse, Boolean died, Boolean harmed, Integer age) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("abuseOrNeglectKnownOrSuspected", abuse);
    inputs.put("childDied", died);
    inputs.put("childSeriouslyHarmed", harmed);
    inputs.put("childAgeAtIncident", age);
    return DecisionTables.evaluate(KEY, inputs);
  }
}
