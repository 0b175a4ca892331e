package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import uk.cspr.workflow.criteria.CaseComparison;
import uk.cspr.workflow.criteria.DecisionCase;
import uk.cspr.workflow.criteria.DecisionContract;
import uk.cspr.workflow.criteria.DecisionTableModel;

/**
 * The decision files of {@code dmn/} evaluated by a standalone DMN engine (no process engine), as
 * the regression cases and rule-coverage checks need them. Loading, evaluating and comparing cases
 * is the main code the criteria workbench uses ({@code uk.cspr.workflow.criteria}).
 */
public final class DecisionTables {

  /** Every decision key of SPEC §4; each has {@code dmn/<key>.dmn} and {@code dmn/<key>.cases.json}. */
  public static final List<String> KEYS = DecisionContract.KEYS;

  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  private static final Map<String, DmnModelInstance> MODELS = new ConcurrentHashMap<>();
  private static final Map<String, DmnDecision> DECISIONS = new ConcurrentHashMap<>();

  private DecisionTables() {}

  /** Resource path of a decision file. */
  public static String resource(String decisionKey) {
    return "dmn/" + decisionKey + ".dmn";
  }

  /** The parsed model (DMN model API) of a decision file; cached. */
  public static DmnModelInstance model(String decisionKey) {
    return MODELS.computeIfAbsent(
        decisionKey,
        key -> {
          try (InputStream in = open(resource(key))) {
            return DecisionTableModel.read(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The decision table of a decision file (one decision per file). */
  public static DecisionTable table(String decisionKey) {
    DecisionTable table = DecisionTableModel.table(model(decisionKey), decisionKey);
    if (table == null) {
      throw new IllegalStateException(resource(decisionKey) + " has no decision table with id " + decisionKey);
    }
    return table;
  }

  /** Input expression texts in column order: the variable names the table reads. */
  public static List<String> inputNames(String decisionKey) {
    return DecisionTableModel.inputNames(table(decisionKey));
  }

  /** Output names in column order. */
  public static List<String> outputNames(String decisionKey) {
    return DecisionTableModel.outputNames(table(decisionKey));
  }

  /** Rule ids in table order. */
  public static List<String> ruleIds(String decisionKey) {
    return DecisionTableModel.ruleIds(table(decisionKey));
  }

  /** Parses a decision with the given engine. */
  public static DmnDecision parse(DmnEngine engine, String decisionKey) {
    try (InputStream in = open(resource(decisionKey))) {
      return engine.parseDecision(decisionKey, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Evaluates a decision with the shared standalone engine. */
  public static DmnDecisionTableResult evaluate(String decisionKey, Map<String, Object> inputs) {
    return evaluate(ENGINE, DECISIONS.computeIfAbsent(decisionKey, key -> parse(ENGINE, key)), inputs);
  }

  /** Evaluates a parsed decision; inputs the table reads but the map lacks are passed as null. */
  public static DmnDecisionTableResult evaluate(
      DmnEngine engine, DmnDecision decision, Map<String, Object> inputs) {
    return CaseComparison.evaluate(engine, decision, inputNames(decision.getKey()), inputs);
  }

  /** A standalone engine that records the id of every rule that produced a result. */
  public static DmnEngine recordingEngine(Set<String> matchedRuleIds) {
    DmnDecisionTableEvaluationListener listener =
        event -> event.getMatchingRules().forEach(rule -> matchedRuleIds.add(rule.getId()));
    DmnEngineConfiguration configuration = DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(listener));
    return configuration.buildEngine();
  }

  /** Evaluates one regression case and compares the outputs it names. */
  public static void assertCase(String decisionKey, DecisionCase c) {
    assertCase(decisionKey, c, evaluate(decisionKey, c.inputs()));
  }

  /** Compares a result with a regression case (see {@link DecisionCase}; comparison in {@link CaseComparison}). */
  public static void assertCase(String decisionKey, DecisionCase c, DmnDecisionTableResult result) {
    assertThat(CaseComparison.mismatches(c, result.getResultList(), inputNames(decisionKey), outputNames(decisionKey)))
        .as(decisionKey + " case '" + c.name() + "' (" + c.note() + ")")
        .isEmpty();
  }

  /** Every rule id of a table that none of the given ids names. */
  public static List<String> unmatchedRules(String decisionKey, Set<String> matchedRuleIds) {
    List<String> unmatched = new ArrayList<>(ruleIds(decisionKey));
    unmatched.removeAll(matchedRuleIds);
    return unmatched;
  }

  private static InputStream open(String resource) {
    InputStream in = DecisionTables.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Not on the classpath: " + resource);
    }
    return in;
  }
}
