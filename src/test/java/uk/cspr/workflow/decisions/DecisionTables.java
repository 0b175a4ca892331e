package uk.cspr.workflow.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The decision files of {@code dmn/} evaluated by a standalone DMN engine (no process engine), as
 * the regression cases and rule-coverage checks need them.
 */
public final class DecisionTables {

  /** Every decision key of SPEC §4; each has {@code dmn/<key>.dmn} and {@code dmn/<key>.cases.json}. */
  public static final List<String> KEYS =
      List.of(
          "seriousCaseCriteria",
          "notificationDuties",
          "localReviewCriteria",
          "nationalReviewCriteria",
          "localTimescales",
          "parallelReviewTriggers");

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
            return Dmn.readModelFromStream(in);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  /** The decision table of a decision file (one decision per file). */
  public static DecisionTable table(String decisionKey) {
    Decision decision = model(decisionKey).getModelElementById(decisionKey);
    if (decision == null) {
      throw new IllegalStateException(resource(decisionKey) + " has no decision with id " + decisionKey);
    }
    return (DecisionTable) decision.getExpression();
  }

  /** Input expression texts in column order: the variable names the table reads. */
  public static List<String> inputNames(String decisionKey) {
    return table(decisionKey).getInputs().stream()
        .map(Input::getInputExpression)
        .map(expression -> expression.getText().getTextContent().trim())
        .toList();
  }

  /** Output names in column order. */
  public static List<String> outputNames(String decisionKey) {
    return table(decisionKey).getOutputs().stream().map(Output::getName).toList();
  }

  /** Rule ids in table order. */
  public static List<String> ruleIds(String decisionKey) {
    return table(decisionKey).getRules().stream().map(Rule::getId).toList();
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
    Map<String, Object> variables = new HashMap<>();
    inputNames(decision.getKey()).forEach(name -> variables.put(name, null));
    variables.putAll(inputs);
    return engine.evaluateDecisionTable(decision, variables);
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

  /** Compares a result with a regression case (see {@link DecisionCase} for the format). */
  public static void assertCase(String decisionKey, DecisionCase c, DmnDecisionTableResult result) {
    String where = decisionKey + " case '" + c.name() + "' (" + c.note() + ")";
    assertThat(inputNames(decisionKey))
        .as(where + ": inputs named in the case must be inputs of the table")
        .containsAll(c.inputs().keySet());
    if (c.expected() == null) {
      assertThat(result.getResultList()).as(where + ": no rule may match").isEmpty();
      return;
    }
    assertThat(outputNames(decisionKey))
        .as(where + ": expected outputs must be outputs of the table")
        .containsAll(c.expected().keySet());
    for (Map.Entry<String, Object> expected : c.expected().entrySet()) {
      String output = expected.getKey();
      if (expected.getValue() instanceof Collection<?> values) {
        List<Object> actual = result.collectEntries(output);
        assertThat(new HashSet<>(actual)).as(where + ": no duplicate " + output).hasSameSizeAs(actual);
        assertThat(normalise(actual)).as(where + ": " + output).isEqualTo(normalise(values));
      } else {
        if (result.size() != 1) {
          fail(where + ": expected exactly one result row, got " + result.getResultList());
        }
        Object actual = result.getSingleResult().getEntry(output);
        assertThat(normalise(actual)).as(where + ": " + output).isEqualTo(normalise(expected.getValue()));
      }
    }
  }

  /** JSON numbers and DMN integers compare by value; collections compare as sets. */
  private static Object normalise(Object value) {
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
