package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import uk.cspr.workflow.criteria.DecisionCases;

/**
 * Proves that the regression cases of each decision make every rule of its table produce a result
 * at least once: the ids of the matching rules are recorded by a post-decision-table evaluation
 * listener (for FIRST tables only the first match counts, as only it produces the result).
 */
class DecisionRuleCoverageTest {

  static Stream<String> decisionKeys() {
    return DecisionTables.KEYS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("decisionKeys")
  void regressionCasesHitEveryRule(String decisionKey) {
    Set<String> matched = new HashSet<>();
    DmnEngine engine = DecisionTables.recordingEngine(matched);
    DmnDecision decision = DecisionTables.parse(engine, decisionKey);
    DecisionCases.load(decisionKey)
        .forEach(c -> DecisionTables.evaluate(engine, decision, c.inputs()));
    assertThat(DecisionTables.unmatchedRules(decisionKey, matched))
        .as("rules of %s that no case in %s hits", decisionKey, DecisionCases.resource(decisionKey))
        .isEmpty();
  }
}
